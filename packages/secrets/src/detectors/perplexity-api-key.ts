import { prefixedToken, run } from "../token-format.js";

/** Perplexity API key. */
export default prefixedToken({
  id: "perplexity-api-key",
  name: "Perplexity API key",
  source: "Initial Setup - Perplexity (API key)",
  parts: ["pplx-", run("alnum", 48)],
});
