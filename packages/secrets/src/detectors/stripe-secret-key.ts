import { defineDetector } from "../define-detector.js";

/** Stripe live secret key. */
export default defineDetector({
  id: "stripe-secret-key",
  name: "Stripe live secret key",
  description: "Stripe live secret key: `sk_live_` + at least 24 alphanumerics.",
  source: "API keys - Stripe Documentation",
  severity: "error",
  keywords: ["sk_live_"],
  pattern: /(?<![A-Za-z0-9_])sk_live_[0-9A-Za-z]{24,247}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
});
