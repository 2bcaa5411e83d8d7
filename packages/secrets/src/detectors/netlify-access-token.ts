import { prefixedToken, run } from "../token-format.js";

/** Netlify personal access token. */
export default prefixedToken({
  id: "netlify-access-token",
  name: "Netlify personal access token",
  source: "Netlify Docs: Get started with the Netlify API (personal access tokens)",
  parts: ["nfp_", run("alnum", 36, 40)],
});
