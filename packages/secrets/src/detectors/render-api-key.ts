import { prefixedToken, run } from "../token-format.js";

/** Render API key. */
export default prefixedToken({
  id: "render-api-key",
  name: "Render API key",
  source: "Render Docs: The Render API (API keys)",
  parts: ["rnd_", run("alnum", 32)],
});
