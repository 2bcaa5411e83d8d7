import { defineDetector } from "../define-detector.js";

/** Stripe live restricted key. */
export default defineDetector({
  id: "stripe-restricted-key",
  name: "Stripe live restricted key",
  description: "Stripe live restricted API key: `rk_live_` + at least 24 alphanumerics.",
  source: "API keys - Stripe Documentation",
  severity: "error",
  keywords: ["rk_live_"],
  pattern: /(?<![A-Za-z0-9_])rk_live_[0-9A-Za-z]{24,247}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
});
