import { defineDetector } from "../define-detector.js";

/** Slack legacy token. */
export default defineDetector({
  id: "slack-legacy-token",
  name: "Slack legacy token",
  description: "Slack legacy workspace, app or OAuth token: `xoxa-`, `xoxo-`, `xoxr-` or `xoxs-` + dash-separated alphanumerics.",
  source: "Legacy tokens - Slack API",
  severity: "error",
  keywords: ["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
  pattern: /(?<![A-Za-z0-9])xox[aors]-(?:[0-9]{8,14}-){1,3}[A-Za-z0-9]{8,64}(?![A-Za-z0-9])/,
  minEntropy: 3.3,
});
