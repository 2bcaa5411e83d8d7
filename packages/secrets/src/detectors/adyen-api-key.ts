import { assignedSecret, run } from "../token-format.js";

/** Adyen API key. */
export default assignedSecret({
  id: "adyen-api-key",
  name: "Adyen API key",
  source: "Adyen Docs: API credentials (API key)",
  names: ["adyen"],
  value: ["AQE", run("urlsafe", 100, 250)],
});
