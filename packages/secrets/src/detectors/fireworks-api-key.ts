import { assignedSecret, run } from "../token-format.js";

/** Fireworks AI API key. */
export default assignedSecret({
  id: "fireworks-api-key",
  name: "Fireworks AI API key",
  source: "Fireworks AI Docs: Python client installation (FIREWORKS_API_KEY)",
  names: ["fireworks"],
  value: [run("urlsafe", 24, 64)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
