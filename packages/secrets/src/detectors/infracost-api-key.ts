import { assignedSecret, run } from "../token-format.js";

/** Infracost API key. */
export default assignedSecret({
  id: "infracost-api-key",
  name: "Infracost API key",
  source: "Infracost Docs: Key concepts (API keys, INFRACOST_API_KEY)",
  names: ["infracost"],
  value: ["ico-", run("alnum", 20, 64)],
  note: "Infracost documents the variable but not the key's shape; the `ico-` prefix is the one integrators' docs show (`ico-xxxxx`), and the body's length is a conservative range, so only `ico-` values under an Infracost name are reported.",
});
