import { defineDetector } from "../define-detector.js";

/** GitLab pipeline trigger token. */
export default defineDetector({
  id: "gitlab-pipeline-trigger-token",
  name: "GitLab pipeline trigger token",
  description: "GitLab pipeline trigger token: `glptt-` + 40 hex characters.",
  source: "Token overview - GitLab Docs",
  severity: "error",
  keywords: ["glptt-"],
  pattern: /(?<![A-Za-z0-9_-])glptt-[0-9a-f]{40}(?![A-Za-z0-9])/,
  minEntropy: 3,
});
