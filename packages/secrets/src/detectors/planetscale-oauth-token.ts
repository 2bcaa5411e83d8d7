import { prefixedToken, run } from "../token-format.js";

/** PlanetScale OAuth token. */
export default prefixedToken({
  id: "planetscale-oauth-token",
  name: "PlanetScale OAuth token",
  source: "PlanetScale Docs: OAuth applications",
  parts: ["pscale_oauth_", run("urlsafe", 43)],
});
