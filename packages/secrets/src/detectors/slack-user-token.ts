import { defineDetector } from "../define-detector.js";

/** Slack user token. */
export default defineDetector({
  id: "slack-user-token",
  name: "Slack user token",
  description: "Slack user or enterprise token: `xoxp-`/`xoxe-` + three numeric ids + 32 hex characters.",
  source: "Token types - Slack API",
  severity: "error",
  keywords: ["xoxp-", "xoxe-"],
  pattern: /(?<![A-Za-z0-9])xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}(?![A-Za-z0-9])/,
  minEntropy: 3.3,
});
