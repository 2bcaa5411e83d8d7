import { assignedSecret, run } from "../token-format.js";

/** Linode (Akamai Cloud) API token. */
export default assignedSecret({
  id: "linode-token",
  name: "Linode (Akamai Cloud) API token",
  source: "Linode API: Get started (personal access tokens)",
  names: ["linode"],
  value: [run("hex", 64)],
});
