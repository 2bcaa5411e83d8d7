import { assignedSecret, run } from "../token-format.js";

/** SonarQube Cloud (SonarCloud) token. */
export default assignedSecret({
  id: "sonarcloud-token",
  name: "SonarQube Cloud (SonarCloud) token",
  source: "SonarQube Cloud: Managing your tokens",
  names: ["sonar"],
  value: [run("hex", 40)],
});
