import { defineDetector } from "../define-detector.js";

/** Slack incoming webhook URL. */
export default defineDetector({
  id: "slack-webhook-url",
  name: "Slack incoming webhook URL",
  description: "Slack incoming webhook or workflow trigger URL on `hooks.slack.com` (the URL is the credential).",
  source: "Sending messages using incoming webhooks - Slack API",
  severity: "error",
  keywords: ["hooks.slack.com"],
  pattern: /https?:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}|(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/[A-Za-z0-9]{8,12}\/[0-9]{8,20}\/[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
});
