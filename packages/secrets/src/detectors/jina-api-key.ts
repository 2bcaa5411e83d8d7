import { prefixedToken, run } from "../token-format.js";

/** Jina AI API key. */
export default prefixedToken({
  id: "jina-api-key",
  name: "Jina AI API key",
  source: "Jina AI: API key (Authorization: Bearer jina_…)",
  parts: ["jina_", run("urlsafe", 40, 80)],
});
