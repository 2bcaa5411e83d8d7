import { assignedSecret, UUID } from "../token-format.js";

/** Sauce Labs access key. */
export default assignedSecret({
  id: "sauce-labs-access-key",
  name: "Sauce Labs access key",
  source: "Sauce Labs Docs: Managing User Accounts (access key)",
  names: ["sauce"],
  value: UUID,
});
