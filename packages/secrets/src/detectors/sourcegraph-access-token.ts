import { alt, prefixedToken, run } from "../token-format.js";

/** Sourcegraph access token. */
export default prefixedToken({
  id: "sourcegraph-access-token",
  name: "Sourcegraph access token",
  source: "Sourcegraph Docs: Creating an access token",
  parts: ["sgp_", alt([run("hex", 16), "_"], ["local_"], []), run("hex", 40)],
  keywords: ["sgp_"],
});
