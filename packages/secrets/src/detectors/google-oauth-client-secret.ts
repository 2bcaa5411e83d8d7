import { defineDetector } from "../define-detector.js";

/** Google OAuth client secret. */
export default defineDetector({
  id: "google-oauth-client-secret",
  name: "Google OAuth client secret",
  description: "Google OAuth 2.0 client secret: `GOCSPX-` + 28 URL-safe characters.",
  source: "Using OAuth 2.0 to Access Google APIs - Google for Developers",
  severity: "error",
  keywords: ["gocspx-"],
  pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
});
