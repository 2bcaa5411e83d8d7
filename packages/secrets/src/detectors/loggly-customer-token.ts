import { assignedSecret, UUID } from "../token-format.js";

/** Loggly customer token. */
export default assignedSecret({
  id: "loggly-customer-token",
  name: "Loggly customer token",
  source: "Loggly: Customer Tokens",
  names: ["loggly"],
  value: UUID,
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
