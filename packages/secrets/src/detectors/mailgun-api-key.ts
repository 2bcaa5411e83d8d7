import { defineDetector } from "../define-detector.js";

/** Mailgun API key. */
export default defineDetector({
  id: "mailgun-api-key",
  name: "Mailgun API key",
  description: "Mailgun private API key: legacy `key-` + 32 hex characters, or the current 32-8-8 hex form near the word Mailgun.",
  source: "API keys - Mailgun Documentation",
  severity: "error",
  keywords: ["key-", "mailgun"],
  pattern: /(?<![A-Za-z0-9-])(?:key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9])/,
  window: { lines: 1 },
  minEntropy: 3,
});
