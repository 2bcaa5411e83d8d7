import { prefixedToken, run } from "../token-format.js";

/** OpenRouter API key. */
export default prefixedToken({
  id: "openrouter-api-key",
  name: "OpenRouter API key",
  source: "OpenRouter: API Authentication",
  parts: ["sk-or-v1-", run("hex", 64)],
});
