import { prefixedToken, run } from "../token-format.js";

/** Square access token. */
export default prefixedToken({
  id: "square-access-token",
  name: "Square access token",
  source: "Square Developer: Access tokens and other credentials",
  parts: ["EAAA", run("urlsafe", 60)],
  minEntropy: 4,
});
