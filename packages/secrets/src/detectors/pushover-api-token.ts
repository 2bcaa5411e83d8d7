import { assignedSecret, run } from "../token-format.js";

/** Pushover application token. */
export default assignedSecret({
  id: "pushover-api-token",
  name: "Pushover application token",
  source: "Pushover REST API",
  names: ["pushover"],
  value: [run("alnum", 30)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
