import { assignedSecret, run } from "../token-format.js";

/** SonarQube Cloud (SonarCloud) token. */
export default assignedSecret({
  id: "sonarcloud-token",
  name: "SonarQube Cloud (SonarCloud) token",
  source: "SonarQube Cloud: Managing your tokens",
  names: ["sonar"],
  value: [run("hex", 40)],
  // Older scanner configurations pass the token as `sonar.login` / `SONAR_LOGIN`.
  secretWords: ["token", "login", "key", "secret", "pass", "auth"],
});
