import { assignedSecret, UUID } from "../token-format.js";

/** MongoDB Atlas API private key. */
export default assignedSecret({
  id: "mongodb-atlas-private-key",
  name: "MongoDB Atlas API private key",
  source: "MongoDB Atlas: Grant Programmatic Access to an Organization (API keys)",
  names: ["mongodb_atlas", "atlas"],
  value: UUID,
  secretWords: ["private", "secret"],
});
