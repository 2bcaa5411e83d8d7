import { prefixedToken, run } from "../token-format.js";

/** SonarQube token. */
export default prefixedToken({
  id: "sonarqube-token",
  name: "SonarQube token",
  source: "Managing your tokens | SonarQube Server Documentation",
  parts: [["squ_", "sqp_", "sqa_"], run("hex", 40)],
});
