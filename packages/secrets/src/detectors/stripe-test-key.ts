import { defineDetector } from "../define-detector.js";

/** Stripe test-mode key. */
export default defineDetector({
  id: "stripe-test-key",
  name: "Stripe test-mode key",
  description: "Stripe test-mode secret or restricted key (`sk_test_`, `rk_test_`): not money-moving, but it reads your test data.",
  source: "API keys - Stripe Documentation",
  severity: "warn",
  keywords: ["sk_test_", "rk_test_"],
  pattern: /(?<![A-Za-z0-9_])[sr]k_test_[0-9A-Za-z]{24,247}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  examples: ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "sk_test_26PHem9AhJZvU623DfE1x4sd"],
});
