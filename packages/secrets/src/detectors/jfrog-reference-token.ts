import { prefixedToken, run } from "../token-format.js";

/** JFrog reference token. */
export default prefixedToken({
  id: "jfrog-reference-token",
  name: "JFrog reference token",
  source: "JFrog Platform: Access tokens (reference tokens)",
  parts: ["cmVmdGtuOjAxOj", run("alnum", 50, 60)],
});
