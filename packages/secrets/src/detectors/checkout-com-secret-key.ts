import { assignedSecret, run } from "../token-format.js";

/** Checkout.com live secret key. */
export default assignedSecret({
  id: "checkout-com-secret-key",
  name: "Checkout.com secret API key",
  source: "Checkout.com Docs: API keys; Checkout.com Python SDK (checkout-sdk): How to use the SDK (key formats)",
  names: ["checkout", "cko"],
  secretWords: ["secret", "key"],
  value: ["sk_", run("lowbase32", 27)],
  note: "A live key has no environment marker, so it is reported only under a name carrying `checkout` or `cko`; sandbox keys (`sk_sbox_`) are found anywhere.",
});
