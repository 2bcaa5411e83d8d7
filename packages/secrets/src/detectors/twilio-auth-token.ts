import { defineDetector } from "../define-detector.js";

/** Twilio auth token. */
export default defineDetector({
  id: "twilio-auth-token",
  name: "Twilio auth token",
  description: "Twilio account auth token: 32 hex characters assigned to a Twilio token or secret name.",
  source: "Auth tokens and how to change them - Twilio Docs",
  severity: "error",
  keywords: ["twilio"],
  pattern: /twilio[\w.-]{0,24}?(?:auth|token|secret)[\w.-]{0,24}["']?\s*[:=]\s*["']?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])/i,
  minEntropy: 3,
});
