import { defineDetector } from "../define-detector.js";

/** GitLab runner token. */
export default defineDetector({
  id: "gitlab-runner-token",
  name: "GitLab runner token",
  description: "GitLab runner authentication token (`glrt-`) or legacy runner registration token (`GR1348941`).",
  source: "Token overview - GitLab Docs",
  severity: "error",
  keywords: ["glrt-", "gr1348941"],
  pattern: /(?<![A-Za-z0-9_-])(?:glrt-|GR1348941)[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
});
