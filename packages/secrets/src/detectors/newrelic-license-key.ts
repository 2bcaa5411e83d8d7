import { prefixedToken, run } from "../token-format.js";

/** New Relic license key. */
export default prefixedToken({
  id: "newrelic-license-key",
  name: "New Relic license key",
  source: "New Relic API keys - New Relic Documentation (license key)",
  parts: [run("anyhex", 36), "NRAL"],
  keywords: ["nral"],
});
