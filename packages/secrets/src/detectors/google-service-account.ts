import { defineDetector } from "../define-detector.js";
import { near } from "./shared.js";

/** Google service-account key. */
export default defineDetector({
  id: "google-service-account",
  name: "Google service-account key",
  description: "Google Cloud service-account JSON key file: a `private_key_id` of 40 hex characters next to `\"type\": \"service_account\"`.",
  source: "Create and delete service account keys - IAM Documentation - Google Cloud",
  severity: "error",
  keywords: ["private_key_id"],
  pattern: /"private_key_id"\s*:\s*"(?<secret>[a-f0-9]{40})"/,
  window: { lines: 12 },
  minEntropy: 3,
  validate: (_secret, context) => near(context.text, context.index, 3000, /"type"\s*:\s*"service_account"/),
});
