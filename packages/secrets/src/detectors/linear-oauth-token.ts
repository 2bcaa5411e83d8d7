import { prefixedToken, run } from "../token-format.js";

/** Linear OAuth access token. */
export default prefixedToken({
  id: "linear-oauth-token",
  name: "Linear OAuth access token",
  source: "Linear Developers: OAuth 2.0 authentication",
  parts: ["lin_oauth_", run("hex", 64)],
});
