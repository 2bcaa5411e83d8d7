import { prefixedToken, run } from "../token-format.js";

/** Google OAuth 2.0 access token. */
export default prefixedToken({
  id: "google-oauth-access-token",
  name: "Google OAuth 2.0 access token",
  source: "Using OAuth 2.0 to Access Google APIs - Google for Developers",
  parts: ["ya29.", run("urlsafe", 60, 400)],
  minEntropy: 4,
});
