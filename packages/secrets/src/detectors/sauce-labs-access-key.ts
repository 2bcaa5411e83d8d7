import { assignedSecret, UUID } from "../token-format.js";

/** Sauce Labs access key. */
export default assignedSecret({
  id: "sauce-labs-access-key",
  name: "Sauce Labs access key",
  source: "Sauce Labs Docs: Using Environment Variables for Authentication Credentials (SAUCE_ACCESS_KEY)",
  names: ["sauce"],
  value: UUID,
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
