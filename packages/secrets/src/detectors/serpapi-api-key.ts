import { assignedSecret, run } from "../token-format.js";

/** SerpApi API key. */
export default assignedSecret({
  id: "serpapi-api-key",
  name: "SerpApi API key",
  source: "SerpApi: Search API (api_key parameter)",
  names: ["serpapi", "serp_api"],
  value: [run("hex", 64)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
