import { assignedSecret, UUID } from "../token-format.js";

/** MongoDB Atlas API private key. */
export default assignedSecret({
  id: "mongodb-atlas-private-key",
  name: "MongoDB Atlas API private key",
  source: "MongoDB Atlas: Grant Programmatic Access to an Organization (API keys)",
  names: ["mongodb_atlas", "atlas"],
  value: UUID,
  secretWords: ["private", "secret"],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
