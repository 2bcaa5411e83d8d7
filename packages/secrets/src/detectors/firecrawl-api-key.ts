import { prefixedToken, run } from "../token-format.js";

/** Firecrawl API key. */
export default prefixedToken({
  id: "firecrawl-api-key",
  name: "Firecrawl API key",
  source: "Firecrawl: Authentication",
  parts: ["fc-", run("hex", 32)],
});
