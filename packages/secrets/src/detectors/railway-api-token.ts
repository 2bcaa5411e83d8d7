import { assignedSecret, UUID } from "../token-format.js";

/** Railway API token. */
export default assignedSecret({
  id: "railway-api-token",
  name: "Railway API token",
  source: "Railway Docs: Public API (Project tokens and account tokens)",
  names: ["railway"],
  value: UUID,
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
