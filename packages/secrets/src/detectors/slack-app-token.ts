import { defineDetector } from "../define-detector.js";

/** Slack app-level token. */
export default defineDetector({
  id: "slack-app-token",
  name: "Slack app-level token",
  description: "Slack app-level token: `xapp-` + version + app id + timestamp + 64 hex characters.",
  source: "Token types - Slack API",
  severity: "error",
  keywords: ["xapp-"],
  pattern: /(?<![A-Za-z0-9])xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}(?![A-Za-z0-9])/,
  minEntropy: 3.3,
});
