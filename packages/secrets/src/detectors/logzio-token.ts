import { assignedSecret, run } from "../token-format.js";

/** Logz.io token. */
export default assignedSecret({
  id: "logzio-token",
  name: "Logz.io token",
  source: "Logz.io Docs: Manage API tokens and shipping tokens",
  names: ["logzio", "logz_io"],
  value: [run("alnum", 32)],
});
