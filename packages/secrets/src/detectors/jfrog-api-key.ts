import { prefixedToken, run } from "../token-format.js";

/** JFrog Artifactory API key. */
export default prefixedToken({
  id: "jfrog-api-key",
  name: "JFrog Artifactory API key",
  source: "JFrog Platform: API keys (Artifactory)",
  parts: ["AKCp", run("alnum", 69)],
});
