import { prefixedToken, UUID } from "../token-format.js";

/** Axiom API token or personal access token. */
export default prefixedToken({
  id: "axiom-api-token",
  name: "Axiom API token or personal access token",
  source: "Authenticate API requests with tokens - Axiom Docs",
  parts: [["xaat-", "xapt-"], ...UUID],
  note: "Axiom's page documents API tokens and personal access tokens but not their prefixes; `xaat-`/`xapt-` + a UUID is not confirmed by the vendor's documentation.",
});
