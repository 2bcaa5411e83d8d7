import { prefixedToken, UUID } from "../token-format.js";

/** Axiom API token or personal access token. */
export default prefixedToken({
  id: "axiom-api-token",
  name: "Axiom API token or personal access token",
  source: "Authenticate API requests with tokens - Axiom Docs",
  parts: [["xaat-", "xapt-"], ...UUID],
});
