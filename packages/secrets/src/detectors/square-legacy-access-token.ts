import { prefixedToken, run } from "../token-format.js";

/** Square legacy access token. */
export default prefixedToken({
  id: "square-legacy-access-token",
  name: "Square legacy access token",
  source: "Square Developer: Access tokens and other credentials",
  parts: ["sq0atp-", run("urlsafe", 22)],
});
