import { assignedSecret, UUID } from "../token-format.js";

/** Postmark server API token. */
export default assignedSecret({
  id: "postmark-server-token",
  name: "Postmark server API token",
  source: "Postmark Developer Docs: API authentication",
  names: ["postmark"],
  value: UUID,
});
