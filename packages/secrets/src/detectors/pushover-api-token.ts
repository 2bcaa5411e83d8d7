import { assignedSecret, run } from "../token-format.js";

/** Pushover application token. */
export default assignedSecret({
  id: "pushover-api-token",
  name: "Pushover application token",
  source: "Pushover: API (application API token)",
  names: ["pushover"],
  value: [run("alnum", 30)],
});
