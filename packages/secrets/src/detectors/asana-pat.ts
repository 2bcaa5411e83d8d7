import { alt, assignedSecret, run } from "../token-format.js";

/** Asana personal access token. */
export default assignedSecret({
  id: "asana-pat",
  name: "Asana personal access token",
  source: "Asana Developers: Personal access token",
  names: ["asana"],
  value: [["1/", "2/"], run("digits", 13, 20), alt([], ["/", run("digits", 13, 20)]), ":", run("hex", 32)],
});
