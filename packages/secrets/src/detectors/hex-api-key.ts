import { assignedSecret, run } from "../token-format.js";

/** Hex (hex.pm) API key. */
export default assignedSecret({
  id: "hex-api-key",
  name: "Hex (hex.pm) API key",
  source: "mix hex.config - Hex documentation (api_key, HEX_API_KEY)",
  names: ["hex_api", "hexpm_api", "hex_pm_api"],
  value: [run("hex", 32)],
  note: "Hex documents the variable, not the key's shape: 32 lower-case hex digits under a `HEX_API_KEY`-style name is the only form reported.",
});
