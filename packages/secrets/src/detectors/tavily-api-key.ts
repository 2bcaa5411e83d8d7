import { alt, prefixedToken, run } from "../token-format.js";

/** Tavily API key. */
export default prefixedToken({
  id: "tavily-api-key",
  name: "Tavily API key",
  source: "Tavily: API key (Quickstart)",
  parts: ["tvly-", alt([], ["dev-"], ["prod-"]), run("alnum", 32)],
  keywords: ["tvly-"],
});
