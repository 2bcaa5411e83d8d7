import { defineDetector } from "../define-detector.js";

/** Telegram bot token. */
export default defineDetector({
  id: "telegram-bot-token",
  name: "Telegram bot token",
  description: "Telegram Bot API token: the bot's numeric id, `:AA`, and 33 URL-safe characters.",
  source: "Telegram Bot API (Authorizing your bot)",
  severity: "error",
  keywords: [":aa"],
  pattern: /(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![0-9A-Za-z_-])/,
  minEntropy: 3.5,
});
