import { defineDetector } from "../define-detector.js";
import { ASSIGNMENT } from "../token-format.js";

/** Twilio auth token. */
export default defineDetector({
  id: "twilio-auth-token",
  name: "Twilio auth token",
  description: "Twilio account auth token: 32 hex characters assigned to a Twilio token or secret name.",
  source: "Auth tokens and how to change them - Twilio Docs",
  severity: "error",
  keywords: ["twilio"],
  // Assigned in any of the forms real code uses (see ASSIGNMENT: typed declarations, XML elements, name/value lists).
  pattern: new RegExp(String.raw`twilio[\w.-]{0,24}?(?:auth|token|secret)[\w.-]{0,24}${ASSIGNMENT}\s*["'\`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9])`, "i"),
  window: { before: 16, after: 160, multiline: true },
  minEntropy: 3,
});
