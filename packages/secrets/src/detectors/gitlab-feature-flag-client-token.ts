import { prefixedToken, run } from "../token-format.js";

/** GitLab feature flags client token. */
export default prefixedToken({
  id: "gitlab-feature-flag-client-token",
  name: "GitLab feature flags client token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glffct-", run("urlsafe", 20)],
});
