import { defineDetector } from "../define-detector.js";

/** Discord bot token. */
export default defineDetector({
  id: "discord-bot-token",
  name: "Discord bot token",
  description: "Discord bot token (user id in base64, timestamp, HMAC) on or near a line that mentions Discord.",
  source: "Discord Developer Portal - Reference: Authentication",
  severity: "error",
  keywords: ["discord"],
  pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/,
  window: { lines: 2 },
  minEntropy: 4,
});
