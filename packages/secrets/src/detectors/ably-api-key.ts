import { assignedSecret, run } from "../token-format.js";

/** Ably API key. */
export default assignedSecret({
  id: "ably-api-key",
  name: "Ably API key",
  source: "Ably Docs: API keys (basic authentication)",
  names: ["ably"],
  value: [run("urlsafe", 6), ".", run("urlsafe", 6), ":", run("urlsafe", 43)],
});
