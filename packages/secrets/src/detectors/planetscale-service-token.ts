import { prefixedToken, run } from "../token-format.js";

/** PlanetScale service token. */
export default prefixedToken({
  id: "planetscale-service-token",
  name: "PlanetScale service token",
  source: "PlanetScale Docs: Service tokens",
  parts: ["pscale_tkn_", run("urlsafe", 43)],
});
