import { assignedSecret, run } from "../token-format.js";

/** Mollie API key. */
export default assignedSecret({
  id: "mollie-api-key",
  name: "Mollie API key",
  source: "Mollie Docs: Authentication (API keys)",
  names: ["mollie"],
  value: ["live_", run("alnum", 30)],
});
