import { defineDetector } from "../define-detector.js";

/** Shopify access token. */
export default defineDetector({
  id: "shopify-access-token",
  name: "Shopify access token",
  description: "Shopify Admin API, custom app or private app access token: `shpat_`, `shpca_` or `shppa_` + 32 hex characters.",
  source: "About API authentication - Shopify developer documentation",
  severity: "error",
  keywords: ["shpat_", "shpca_", "shppa_"],
  pattern: /(?<![A-Za-z0-9_])shp(?:at|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/,
  minEntropy: 3,
});
