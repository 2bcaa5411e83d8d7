import { assignedSecret, run } from "../token-format.js";

/** Mistral AI API key. */
export default assignedSecret({
  id: "mistral-api-key",
  name: "Mistral AI API key",
  source: "Mistral AI: Quickstart (API keys)",
  names: ["mistral"],
  value: [run("alnum", 32)],
});
