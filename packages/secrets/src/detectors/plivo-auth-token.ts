import { assignedSecret, run } from "../token-format.js";

/** Plivo auth token. */
export default assignedSecret({
  id: "plivo-auth-token",
  name: "Plivo auth token",
  source: "Plivo: Authentication (Auth ID and Auth Token)",
  names: ["plivo"],
  value: [run("alnum", 40)],
});
