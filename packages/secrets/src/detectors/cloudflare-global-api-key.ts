import { assignedSecret, run } from "../token-format.js";

/** Cloudflare global API key. */
export default assignedSecret({
  id: "cloudflare-global-api-key",
  name: "Cloudflare global API key",
  source: "Cloudflare Fundamentals: Get API keys (legacy global API key)",
  names: ["cloudflare", "cf_api"],
  value: [run("hex", 37)],
});
