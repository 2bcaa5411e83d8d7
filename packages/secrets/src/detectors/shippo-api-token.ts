import { prefixedToken, run } from "../token-format.js";

/** Shippo live API token. */
export default prefixedToken({
  id: "shippo-api-token",
  name: "Shippo live API token",
  source: "Shippo Docs: Authentication",
  parts: ["shippo_live_", run("hex", 40)],
});
