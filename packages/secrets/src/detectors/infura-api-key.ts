import { assignedSecret, run } from "../token-format.js";

/** Infura API key secret. */
export default assignedSecret({
  id: "infura-api-key",
  name: "Infura API key secret",
  source: "Infura Docs: API keys and secrets",
  names: ["infura"],
  value: [run("hex", 32)],
});
