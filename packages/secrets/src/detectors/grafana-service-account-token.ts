import { prefixedToken, run } from "../token-format.js";

/** Grafana service account token. */
export default prefixedToken({
  id: "grafana-service-account-token",
  name: "Grafana service account token",
  source: "Grafana: Service accounts (service account tokens)",
  parts: ["glsa_", run("alnum", 32), "_", run("hex", 8)],
});
