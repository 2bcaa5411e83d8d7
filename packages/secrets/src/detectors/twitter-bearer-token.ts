import { prefixedToken, run } from "../token-format.js";

/** X (Twitter) app-only bearer token. */
export default prefixedToken({
  id: "twitter-bearer-token",
  name: "X (Twitter) app-only bearer token",
  source: "X Developer Platform: OAuth 2.0 Bearer Token (App only)",
  parts: ["AAAAAAAAAAAAAAAAAAAAA", run("alnum", 20, 40), "%", run("b64url", 40, 80)],
  keywords: ["aaaaaaaaaaaaaaaaaaaaa"],
  minEntropy: 3.5,
});
