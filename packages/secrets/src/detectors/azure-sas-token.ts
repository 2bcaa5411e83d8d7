import { defineDetector } from "../define-detector.js";
import { near } from "./shared.js";

/** Azure shared access signature. */
export default defineDetector({
  id: "azure-sas-token",
  name: "Azure shared access signature",
  description: "Azure shared access signature: a URL or connection string with `sv=<date>` and a `sig=` signature.",
  source: "Grant limited access to Azure Storage resources using shared access signatures (SAS)",
  severity: "error",
  keywords: ["sig="],
  pattern: /[?&;]sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})/i,
  minEntropy: 4,
  validate: (_secret, context) => near(context.text, context.index, 400, /[?&;]sv=[0-9]{4}-[0-9]{2}-[0-9]{2}/),
});
