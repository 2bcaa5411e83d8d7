import { assignedSecret, run } from "../token-format.js";

/** SerpApi API key. */
export default assignedSecret({
  id: "serpapi-api-key",
  name: "SerpApi API key",
  source: "SerpApi: Search API (api_key parameter)",
  names: ["serpapi", "serp_api"],
  value: [run("hex", 64)],
});
