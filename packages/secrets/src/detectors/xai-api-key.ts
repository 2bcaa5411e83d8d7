import { prefixedToken, run } from "../token-format.js";

/** xAI API key. */
export default prefixedToken({
  id: "xai-api-key",
  name: "xAI API key",
  source: "xAI API: Getting started (API key)",
  parts: ["xai-", run("alnum", 80)],
});
