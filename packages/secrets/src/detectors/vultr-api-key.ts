import { assignedSecret, run } from "../token-format.js";

/** Vultr API key. */
export default assignedSecret({
  id: "vultr-api-key",
  name: "Vultr API key",
  source: "Vultr API: Authentication",
  names: ["vultr"],
  value: [run("upalnum", 36)],
});
