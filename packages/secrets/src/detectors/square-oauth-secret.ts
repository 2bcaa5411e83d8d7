import { prefixedToken, run } from "../token-format.js";

/** Square application secret. */
export default prefixedToken({
  id: "square-oauth-secret",
  name: "Square application secret",
  source: "Square Developer: Access tokens and other credentials",
  parts: ["sq0csp-", run("urlsafe", 43)],
});
