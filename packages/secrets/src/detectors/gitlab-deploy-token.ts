import { defineDetector } from "../define-detector.js";

/** GitLab deploy token. */
export default defineDetector({
  id: "gitlab-deploy-token",
  name: "GitLab deploy token",
  description: "GitLab deploy token: `gldt-` + at least 20 URL-safe characters.",
  source: "Token overview - GitLab Docs",
  severity: "error",
  keywords: ["gldt-"],
  pattern: /(?<![A-Za-z0-9_-])gldt-[A-Za-z0-9_-]{20,300}(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
});
