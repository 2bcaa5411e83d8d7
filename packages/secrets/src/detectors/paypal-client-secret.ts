import { assignedSecret, run } from "../token-format.js";

/** PayPal REST client secret. */
export default assignedSecret({
  id: "paypal-client-secret",
  name: "PayPal REST client secret",
  source: "PayPal Developer: Get started (client ID and secret)",
  names: ["paypal"],
  value: [run("urlsafe", 80)],
  secretWords: ["secret"],
});
