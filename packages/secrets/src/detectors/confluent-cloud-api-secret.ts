import { assignedSecret, run } from "../token-format.js";

/** Confluent Cloud API secret. */
export default assignedSecret({
  id: "confluent-cloud-api-secret",
  name: "Confluent Cloud API secret",
  source: "Use API Keys to Authenticate to Confluent Cloud",
  names: ["confluent"],
  value: [run("b64", 64)],
  secretWords: ["secret", "pass"],
  note: "Secrets created before 30 July 2025 have no prefix; newer ones start with `cflt` and are found anywhere by `confluent-cloud-api-secret-cflt`.",
  // A `cflt` secret is the prefixed detector's.
  validate: (secret) => !secret.startsWith("cflt"),
});
