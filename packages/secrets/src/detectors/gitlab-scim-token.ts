import { prefixedToken, run } from "../token-format.js";

/** GitLab SCIM OAuth token. */
export default prefixedToken({
  id: "gitlab-scim-token",
  name: "GitLab SCIM OAuth token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glsoat-", run("urlsafe", 20)],
});
