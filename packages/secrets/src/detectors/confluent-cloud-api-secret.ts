import { assignedSecret, run } from "../token-format.js";

/** Confluent Cloud API secret. */
export default assignedSecret({
  id: "confluent-cloud-api-secret",
  name: "Confluent Cloud API secret",
  source: "Confluent Cloud: Use API Keys to Authenticate",
  names: ["confluent"],
  value: [run("b64", 64)],
  secretWords: ["secret", "pass"],
});
