import { assignedSecret, run } from "../token-format.js";

/** Rollbar access token. */
export default assignedSecret({
  id: "rollbar-access-token",
  name: "Rollbar access token",
  source: "Rollbar Docs: Project access tokens",
  names: ["rollbar"],
  value: [run("hex", 32)],
});
