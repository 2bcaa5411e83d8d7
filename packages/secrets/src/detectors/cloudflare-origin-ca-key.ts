import { prefixedToken, run } from "../token-format.js";

/** Cloudflare Origin CA key. */
export default prefixedToken({
  id: "cloudflare-origin-ca-key",
  name: "Cloudflare Origin CA key",
  source: "Get Origin CA keys - Cloudflare Fundamentals docs",
  // The documentation fixes only the prefix ("always starts with v1.0-"); the two hex runs after it
  // (24, then 146 digits in issued keys) are not documented, so the second one is given room.
  parts: ["v1.0-", run("hex", 24), "-", run("hex", 120, 180)],
});
