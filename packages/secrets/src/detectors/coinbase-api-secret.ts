import { assignedSecret, run } from "../token-format.js";

/** Coinbase API secret. */
export default assignedSecret({
  id: "coinbase-api-secret",
  name: "Coinbase API secret",
  source: "Coinbase Developer: API key authentication",
  names: ["coinbase"],
  value: [run("alnum", 32)],
  secretWords: ["secret"],
});
