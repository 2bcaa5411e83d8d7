import { alt, assignedSecret, run } from "../token-format.js";

/** Intercom access token. */
export default assignedSecret({
  id: "intercom-access-token",
  name: "Intercom access token",
  source: "Intercom Developers: Authentication (access tokens)",
  names: ["intercom"],
  value: [run("b64", 60), alt([], ["="])],
  minEntropy: 4,
});
