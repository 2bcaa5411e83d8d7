import { prefixedToken, run } from "../token-format.js";

/** Checkout.com sandbox secret key. */
export default prefixedToken({
  id: "checkout-com-sandbox-secret-key",
  name: "Checkout.com sandbox secret API key",
  source: "Checkout.com Docs: API keys; Checkout.com Python SDK (checkout-sdk): How to use the SDK (key formats)",
  parts: ["sk_sbox_", run("lowbase32", 27)],
  note: "The SDK's documentation shows the key shape (`sk_` + 27 lower-case base32 characters) and says sandbox keys carry `sbox_`.",
});
