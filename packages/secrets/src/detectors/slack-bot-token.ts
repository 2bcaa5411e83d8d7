import { defineDetector } from "../define-detector.js";

/** Slack bot token. */
export default defineDetector({
  id: "slack-bot-token",
  name: "Slack bot token",
  description: "Slack bot token: `xoxb-` + team and bot ids + 24 or more alphanumerics.",
  source: "Token types - Slack API",
  severity: "error",
  keywords: ["xoxb-"],
  pattern: /(?<![A-Za-z0-9])xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}(?![A-Za-z0-9])/,
  minEntropy: 3.3,
});
