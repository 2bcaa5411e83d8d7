import { prefixedToken, run } from "../token-format.js";

/** Mapbox secret access token. */
export default prefixedToken({
  id: "mapbox-secret-token",
  name: "Mapbox secret access token",
  source: "Mapbox Docs: Access tokens",
  parts: ["sk.eyJ", run("urlsafe", 50, 200), ".", run("urlsafe", 22)],
  minEntropy: 4,
});
