import { prefixedToken, run } from "../token-format.js";

/** EasyPost production API key. */
export default prefixedToken({
  id: "easypost-api-key",
  name: "EasyPost production API key",
  source: "EasyPost Docs: Authentication (API keys)",
  parts: ["EZAK", run("alnum", 54)],
});
