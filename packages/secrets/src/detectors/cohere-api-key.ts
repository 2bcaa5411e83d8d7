import { assignedSecret, run } from "../token-format.js";

/** Cohere API key. */
export default assignedSecret({
  id: "cohere-api-key",
  name: "Cohere API key",
  source: "Cohere: API Keys and Rate Limits",
  names: ["cohere"],
  value: [run("alnum", 40)],
});
