import { defineDetector } from "../define-detector.js";

/** Shopify shared secret. */
export default defineDetector({
  id: "shopify-shared-secret",
  name: "Shopify shared secret",
  description: "Shopify app shared secret: `shpss_` + 32 hex characters.",
  source: "About API authentication - Shopify developer documentation",
  severity: "error",
  keywords: ["shpss_"],
  pattern: /(?<![A-Za-z0-9_])shpss_[a-fA-F0-9]{32}(?![A-Za-z0-9])/,
  minEntropy: 3,
});
