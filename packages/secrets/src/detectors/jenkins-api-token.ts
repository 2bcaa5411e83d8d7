import { assignedSecret, run } from "../token-format.js";

/** Jenkins API token. */
export default assignedSecret({
  id: "jenkins-api-token",
  name: "Jenkins API token",
  source: "Jenkins: Authenticating scripted clients (API tokens)",
  names: ["jenkins"],
  value: [run("hex", 32, 34)],
});
