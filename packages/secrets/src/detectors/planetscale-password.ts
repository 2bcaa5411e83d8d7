import { prefixedToken, run } from "../token-format.js";

/** PlanetScale database password. */
export default prefixedToken({
  id: "planetscale-password",
  name: "PlanetScale database password",
  source: "PlanetScale Docs: Connection strings (passwords)",
  parts: ["pscale_pw_", run("urlsafe", 43)],
});
