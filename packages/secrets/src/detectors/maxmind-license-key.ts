import { prefixedToken, run } from "../token-format.js";

/** MaxMind license key. */
export default prefixedToken({
  id: "maxmind-license-key",
  name: "MaxMind license key",
  source: "MaxMind Support: License keys (format)",
  parts: [run("alnum", 6), "_", run("alnum", 29), "_mmk"],
  keywords: ["_mmk"],
});
