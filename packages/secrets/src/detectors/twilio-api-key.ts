import { defineDetector } from "../define-detector.js";

/** Twilio API key. */
export default defineDetector({
  id: "twilio-api-key",
  name: "Twilio API key",
  description: "Twilio API key SID: `SK` + 32 hex characters, on or near a line that mentions Twilio.",
  source: "API keys overview - Twilio Docs",
  severity: "error",
  keywords: ["twilio"],
  pattern: /(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/,
  window: { lines: 2 },
  minEntropy: 3,
});
