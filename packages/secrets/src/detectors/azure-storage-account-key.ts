import { defineDetector } from "../define-detector.js";

/** Azure storage account key. */
export default defineDetector({
  id: "azure-storage-account-key",
  name: "Azure storage account key",
  description: "Azure storage account key in a connection string (`AccountKey=` + 86 base64 characters + `==`).",
  source: "Configure Azure Storage connection strings",
  severity: "error",
  keywords: ["accountkey="],
  pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/i,
  minEntropy: 4.5,
  examples: ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="],
});
