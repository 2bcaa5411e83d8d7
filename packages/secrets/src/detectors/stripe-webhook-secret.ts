import { defineDetector } from "../define-detector.js";

/** Stripe webhook signing secret. */
export default defineDetector({
  id: "stripe-webhook-secret",
  name: "Stripe webhook signing secret",
  description: "Stripe webhook endpoint signing secret: `whsec_` + at least 32 base64 characters.",
  source: "Receive Stripe events in your webhook endpoint - Stripe Documentation",
  severity: "error",
  keywords: ["whsec_"],
  pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{32,88}(?![A-Za-z0-9+/])/,
  minEntropy: 3.5,
});
