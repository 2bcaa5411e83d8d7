import { prefixedToken, run } from "../token-format.js";

/** Cloudflare Origin CA key. */
export default prefixedToken({
  id: "cloudflare-origin-ca-key",
  name: "Cloudflare Origin CA key",
  source: "Get Origin CA keys - Cloudflare Fundamentals docs",
  parts: ["v1.0-", run("hex", 24), "-", run("hex", 146)],
});
