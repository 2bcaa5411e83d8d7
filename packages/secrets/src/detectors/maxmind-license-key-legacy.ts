import { assignedSecret, run } from "../token-format.js";

/** MaxMind license key (legacy 16-character). */
export default assignedSecret({
  id: "maxmind-license-key-legacy",
  name: "MaxMind license key (legacy 16-character)",
  source: "MaxMind Support: License keys (format)",
  // geoipupdate reads it as GEOIPUPDATE_LICENSE_KEY.
  names: ["maxmind", "geoip"],
  value: [run("alnum", 16)],
  secretWords: ["license", "key"],
});
