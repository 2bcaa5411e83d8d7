import { assignedSecret, UUID } from "../token-format.js";

/** Opsgenie API key. */
export default assignedSecret({
  id: "opsgenie-api-key",
  name: "Opsgenie API key",
  source: "Opsgenie Docs: API key management",
  names: ["opsgenie"],
  value: UUID,
});
