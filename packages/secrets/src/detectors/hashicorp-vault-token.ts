import { defineDetector } from "../define-detector.js";

/** HashiCorp Vault token. */
export default defineDetector({
  id: "hashicorp-vault-token",
  name: "HashiCorp Vault token",
  description: "HashiCorp Vault service or batch token: `hvs.` or `hvb.` + at least 24 URL-safe characters.",
  source: "Tokens - Vault - HashiCorp Developer (token prefixes)",
  severity: "error",
  keywords: ["hvs.", "hvb."],
  pattern: /(?<![A-Za-z0-9_.])hv[sb]\.[A-Za-z0-9_-]{24,400}(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
});
