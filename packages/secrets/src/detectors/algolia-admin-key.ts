import { assignedSecret, run } from "../token-format.js";

/** Algolia admin API key. */
export default assignedSecret({
  id: "algolia-admin-key",
  name: "Algolia admin API key",
  source: "Algolia Docs: API keys (Admin API key)",
  names: ["algolia"],
  value: [run("hex", 32)],
});
