import { prefixedToken, run } from "../token-format.js";

/** GitLab feed token. */
export default prefixedToken({
  id: "gitlab-feed-token",
  name: "GitLab feed token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glft-", run("urlsafe", 20)],
});
