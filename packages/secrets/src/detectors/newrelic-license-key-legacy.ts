import { assignedSecret, run } from "../token-format.js";

/** New Relic license key (legacy 40-hex form, without the `NRAL` suffix). */
export default assignedSecret({
  id: "newrelic-license-key-legacy",
  name: "New Relic license key (legacy)",
  source: "New Relic API keys - New Relic Documentation (license key)",
  names: ["new_relic", "newrelic"],
  value: [run("hex", 40)],
  secretWords: ["license"],
});
