import { prefixedToken, run } from "../token-format.js";

/** Pinecone API key. */
export default prefixedToken({
  id: "pinecone-api-key",
  name: "Pinecone API key",
  source: "Pinecone: Authentication (API keys)",
  parts: ["pcsk_", run("alnum", 5, 6), "_", run("alnum", 60, 70)],
});
