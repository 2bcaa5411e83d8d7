import { assignedSecret, run } from "../token-format.js";

/** MaxMind license key (legacy 16-character). */
export default assignedSecret({
  id: "maxmind-license-key-legacy",
  name: "MaxMind license key (legacy 16-character)",
  source: "MaxMind Support: License keys (format)",
  names: ["maxmind"],
  value: [run("alnum", 16)],
});
