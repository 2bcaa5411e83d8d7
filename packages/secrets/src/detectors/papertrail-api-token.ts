import { assignedSecret, run } from "../token-format.js";

/** Papertrail API token. */
export default assignedSecret({
  id: "papertrail-api-token",
  name: "Papertrail API token",
  source: "Papertrail: HTTP API (X-Papertrail-Token)",
  names: ["papertrail"],
  value: [run("alnum", 20)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
