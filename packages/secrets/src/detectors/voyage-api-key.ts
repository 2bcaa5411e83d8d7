import { assignedSecret, run } from "../token-format.js";

/** Voyage AI API key. */
export default assignedSecret({
  id: "voyage-api-key",
  name: "Voyage AI API key",
  source: "Voyage AI: API Key and Python Client",
  names: ["voyage"],
  value: [run("urlsafe", 32, 64)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
