import { alt, assignedSecret, run } from "../token-format.js";

/** Together AI API key. */
export default assignedSecret({
  id: "together-api-key",
  name: "Together AI API key",
  source: "Together AI: Quickstart (API key)",
  names: ["together"],
  value: [alt([run("hex", 64)], ["tgp_v1_", run("urlsafe", 43)])],
});
