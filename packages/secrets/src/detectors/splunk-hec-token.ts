import { assignedSecret, UUID } from "../token-format.js";

/** Splunk HTTP Event Collector token. */
export default assignedSecret({
  id: "splunk-hec-token",
  name: "Splunk HTTP Event Collector token",
  source: "Splunk Docs: Set up and use HTTP Event Collector",
  names: ["splunk"],
  value: UUID,
});
