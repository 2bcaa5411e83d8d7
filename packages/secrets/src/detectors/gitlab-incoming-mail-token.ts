import { prefixedToken, run } from "../token-format.js";

/** GitLab incoming email token. */
export default prefixedToken({
  id: "gitlab-incoming-mail-token",
  name: "GitLab incoming email token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glimt-", run("lowalnum", 25)],
});
