import { alt, prefixedToken, run } from "../token-format.js";

/** Grafana Cloud access policy token. */
export default prefixedToken({
  id: "grafana-cloud-token",
  name: "Grafana Cloud access policy token",
  source: "Grafana Cloud: Access policies and tokens",
  parts: ["glc_", run("b64", 32, 400), alt([], ["="], ["=="])],
  minEntropy: 4,
});
