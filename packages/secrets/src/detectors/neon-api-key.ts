import { prefixedToken, run } from "../token-format.js";

/** Neon API key. */
export default prefixedToken({
  id: "neon-api-key",
  name: "Neon API key",
  source: "Neon Docs: Manage API keys",
  parts: ["napi_", run("lowalnum", 64)],
});
