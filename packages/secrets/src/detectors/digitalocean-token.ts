import { defineDetector } from "../define-detector.js";

/** DigitalOcean token. */
export default defineDetector({
  id: "digitalocean-token",
  name: "DigitalOcean token",
  description: "DigitalOcean personal access, OAuth or refresh token: `dop_v1_`, `doo_v1_` or `dor_v1_` + 64 hex characters.",
  source: "How to Create a Personal Access Token - DigitalOcean Documentation",
  severity: "error",
  keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
  pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/,
  minEntropy: 3,
});
