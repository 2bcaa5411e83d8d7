import { prefixedToken, UUID } from "../token-format.js";

/** Langfuse secret key. */
export default prefixedToken({
  id: "langfuse-secret-key",
  name: "Langfuse secret key",
  source: "Langfuse FAQ: I lost my Langfuse secret key. Can I retrieve it? (sk-lf-...)",
  parts: ["sk-lf-", ...UUID],
  note: "Langfuse documents the `sk-lf-` prefix (and `pk-lf-` for the public key, not a secret); the UUID body is not stated by the vendor and is matched strictly.",
});
