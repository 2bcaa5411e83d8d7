import { assignedSecret, run } from "../token-format.js";

/** Plaid API secret. */
export default assignedSecret({
  id: "plaid-secret",
  name: "Plaid API secret",
  source: "Plaid Docs: Quickstart (client ID and secret)",
  names: ["plaid"],
  value: [run("hex", 30)],
  secretWords: ["secret"],
});
