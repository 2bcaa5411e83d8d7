import { assignedSecret, run } from "../token-format.js";

/** Vonage (Nexmo) API secret. */
export default assignedSecret({
  id: "vonage-api-secret",
  name: "Vonage (Nexmo) API secret",
  source: "Vonage API: Authentication (API key and secret)",
  names: ["vonage", "nexmo"],
  value: [run("alnum", 16)],
  secretWords: ["secret"],
});
