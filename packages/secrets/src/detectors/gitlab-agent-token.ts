import { prefixedToken, run } from "../token-format.js";

/** GitLab agent for Kubernetes token. */
export default prefixedToken({
  id: "gitlab-agent-token",
  name: "GitLab agent for Kubernetes token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glagent-", run("urlsafe", 50)],
});
