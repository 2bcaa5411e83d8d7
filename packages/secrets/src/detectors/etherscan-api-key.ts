import { assignedSecret, run } from "../token-format.js";

/** Etherscan API key. */
export default assignedSecret({
  id: "etherscan-api-key",
  name: "Etherscan API key",
  source: "Etherscan Docs: Getting an API key",
  names: ["etherscan"],
  value: [run("upalnum", 34)],
});
