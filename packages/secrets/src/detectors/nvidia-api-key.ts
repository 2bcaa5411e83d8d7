import { prefixedToken, run } from "../token-format.js";

/** NVIDIA API key. */
export default prefixedToken({
  id: "nvidia-api-key",
  name: "NVIDIA API key",
  source: "NVIDIA API Catalog: API keys (NGC)",
  parts: ["nvapi-", run("urlsafe", 64)],
});
