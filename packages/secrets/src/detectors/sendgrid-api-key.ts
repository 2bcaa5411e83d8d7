import { defineDetector } from "../define-detector.js";

/** SendGrid API key. */
export default defineDetector({
  id: "sendgrid-api-key",
  name: "SendGrid API key",
  description: "SendGrid API key: `SG.` + 22 + `.` + 43 URL-safe characters.",
  source: "API Keys - Twilio SendGrid Documentation",
  severity: "error",
  keywords: ["sg."],
  pattern: /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
  minEntropy: 4,
});
