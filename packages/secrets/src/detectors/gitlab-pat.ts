import { defineDetector } from "../define-detector.js";

/** GitLab personal access token. */
export default defineDetector({
  id: "gitlab-pat",
  name: "GitLab personal access token",
  description: "GitLab personal, project or group access token: `glpat-` + at least 20 URL-safe characters.",
  source: "Token overview - GitLab Docs",
  severity: "error",
  keywords: ["glpat-"],
  pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,300}(?:\.[A-Za-z0-9_-]{2,64}){0,2}(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
});
