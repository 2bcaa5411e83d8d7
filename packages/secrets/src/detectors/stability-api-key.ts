import { assignedSecret, run } from "../token-format.js";

/** Stability AI API key. */
export default assignedSecret({
  id: "stability-api-key",
  name: "Stability AI API key",
  source: "Stability AI Platform: Authentication",
  names: ["stability"],
  value: ["sk-", run("alnum", 48)],
});
