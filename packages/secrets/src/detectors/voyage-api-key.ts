import { assignedSecret, run } from "../token-format.js";

/** Voyage AI API key. */
export default assignedSecret({
  id: "voyage-api-key",
  name: "Voyage AI API key",
  source: "Voyage AI: API Key and Python Client",
  names: ["voyage"],
  value: [run("urlsafe", 32, 64)],
});
