import { assignedSecret, UUID } from "../token-format.js";

/** Railway API token. */
export default assignedSecret({
  id: "railway-api-token",
  name: "Railway API token",
  source: "Railway Docs: Public API (Project tokens and account tokens)",
  names: ["railway"],
  value: UUID,
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
