import { defineDetector } from "../define-detector.js";

/** Slack configuration token. */
export default defineDetector({
  id: "slack-config-token",
  name: "Slack configuration token",
  description: "Slack app configuration access token (`xoxe.xoxp-`/`xoxe.xoxb-`) or its refresh token (`xoxe-1-`).",
  source: "App configuration tokens - Slack API",
  severity: "error",
  keywords: ["xoxe.xox", "xoxe-"],
  pattern: /(?<![A-Za-z0-9])(?:xoxe\.xox[bp]-[0-9]-[A-Z0-9]{150,180}|xoxe-[0-9]-[A-Z0-9]{140,160})(?![A-Za-z0-9])/,
  minEntropy: 3.3,
});
