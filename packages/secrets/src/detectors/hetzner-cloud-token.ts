import { assignedSecret, run } from "../token-format.js";

/** Hetzner Cloud API token. */
export default assignedSecret({
  id: "hetzner-cloud-token",
  name: "Hetzner Cloud API token",
  source: "Hetzner Cloud API: Authentication",
  names: ["hcloud", "hetzner"],
  value: [run("alnum", 64)],
});
