import { defineDetector } from "../define-detector.js";

/** Discord webhook URL. */
export default defineDetector({
  id: "discord-webhook-url",
  name: "Discord webhook URL",
  description: "Discord webhook URL with its token (`discord.com/api/webhooks/<id>/<token>`).",
  source: "Discord Developer Portal - Webhook Resource",
  severity: "error",
  keywords: ["discord.com/api/webhooks", "discordapp.com/api/webhooks"],
  pattern: /https?:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/,
  minEntropy: 4,
});
