import { prefixedToken, run } from "../token-format.js";

/** GitLab OAuth application secret. */
export default prefixedToken({
  id: "gitlab-oauth-app-secret",
  name: "GitLab OAuth application secret",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["gloas-", run("hex", 64)],
});
