import { prefixedToken, run } from "../token-format.js";

/** Jina AI API key. */
export default prefixedToken({
  id: "jina-api-key",
  name: "Jina AI API key",
  source: "Jina AI: API key (Authorization: Bearer jina_…)",
  parts: ["jina_", run("urlsafe", 40, 80)],
  note: "Jina's pages document JINA_API_KEY as a bearer token but not the `jina_` prefix; the shape is not confirmed by the vendor's documentation.",
});
