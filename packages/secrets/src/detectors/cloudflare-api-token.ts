import { assignedSecret, run } from "../token-format.js";

/** Cloudflare API token. */
export default assignedSecret({
  id: "cloudflare-api-token",
  name: "Cloudflare API token",
  source: "Cloudflare Fundamentals: Create API token",
  names: ["cloudflare", "cf_api"],
  value: [run("urlsafe", 40)],
});
