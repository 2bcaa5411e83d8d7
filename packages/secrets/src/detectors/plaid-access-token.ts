import { prefixedToken, UUID } from "../token-format.js";

/** Plaid production access token. */
export default prefixedToken({
  id: "plaid-access-token",
  name: "Plaid production access token",
  source: "Plaid Docs: API - Tokens (access_token)",
  parts: ["access-production-", ...UUID],
});
