import { assignedSecret, UUID } from "../token-format.js";

/** Loggly customer token. */
export default assignedSecret({
  id: "loggly-customer-token",
  name: "Loggly customer token",
  source: "Loggly: Customer Tokens",
  names: ["loggly"],
  value: UUID,
});
