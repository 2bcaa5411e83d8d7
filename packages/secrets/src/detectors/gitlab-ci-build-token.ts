import { prefixedToken, run } from "../token-format.js";

/** GitLab CI/CD job token. */
export default prefixedToken({
  id: "gitlab-ci-build-token",
  name: "GitLab CI/CD job token",
  source: "Token overview - GitLab Docs (token prefixes)",
  parts: ["glcbt-", run("hex", 1, 5), "_", run("urlsafe", 20)],
});
