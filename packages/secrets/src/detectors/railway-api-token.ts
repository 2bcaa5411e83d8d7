import { assignedSecret, UUID } from "../token-format.js";

/** Railway API token. */
export default assignedSecret({
  id: "railway-api-token",
  name: "Railway API token",
  source: "Railway Docs: Public API (Project tokens and account tokens)",
  names: ["railway"],
  value: UUID,
});
