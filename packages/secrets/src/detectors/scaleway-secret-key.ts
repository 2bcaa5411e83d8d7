import { assignedSecret, UUID } from "../token-format.js";

/** Scaleway secret key. */
export default assignedSecret({
  id: "scaleway-secret-key",
  name: "Scaleway secret key",
  source: "Scaleway: How to create API keys",
  names: ["scw_secret", "scaleway"],
  value: UUID,
});
