import { prefixedToken, run } from "../token-format.js";

/** Meta (Facebook) access token. */
export default prefixedToken({
  id: "facebook-access-token",
  name: "Meta (Facebook) access token",
  source: "Meta for Developers: Access tokens",
  parts: ["EAA", run("letters", 1, 3), run("alnum", 100, 300)],
  keywords: ["eaa"],
  minEntropy: 4.3,
});
