import { defineDetector } from "../define-detector.js";

/** GitHub fine-grained personal access token. */
export default defineDetector({
  id: "github-fine-grained-pat",
  name: "GitHub fine-grained personal access token",
  description: "GitHub fine-grained personal access token: `github_pat_` + 22 + `_` + 59 base62 characters.",
  source: "Managing your personal access tokens - GitHub Docs",
  severity: "error",
  keywords: ["github_pat_"],
  pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
  minEntropy: 4,
});
