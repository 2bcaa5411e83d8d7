import { prefixedToken, run } from "../token-format.js";

/** Braintree (PayPal) access token. */
export default prefixedToken({
  id: "braintree-access-token",
  name: "Braintree (PayPal) access token",
  source: "Braintree Developer: Access tokens (Braintree Auth)",
  parts: ["access_token$production$", run("lowalnum", 16), "$", run("hex", 32)],
  keywords: ["access_token$production$"],
});
