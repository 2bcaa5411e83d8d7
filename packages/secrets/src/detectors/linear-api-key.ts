import { prefixedToken, run } from "../token-format.js";

/** Linear API key. */
export default prefixedToken({
  id: "linear-api-key",
  name: "Linear API key",
  source: "Linear Developers: Authentication (personal API keys)",
  parts: ["lin_api_", run("alnum", 40)],
});
