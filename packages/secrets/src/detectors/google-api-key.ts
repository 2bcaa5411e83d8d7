import { defineDetector } from "../define-detector.js";

/** Google API key. */
export default defineDetector({
  id: "google-api-key",
  name: "Google API key",
  description: "Google API key: `AIza` + 35 URL-safe characters.",
  severity: "error",
  keywords: ["aiza"],
  pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
});
