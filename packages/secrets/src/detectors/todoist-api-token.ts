import { assignedSecret, run } from "../token-format.js";

/** Todoist API token. */
export default assignedSecret({
  id: "todoist-api-token",
  name: "Todoist API token",
  source: "Todoist Developer: REST API v2 (Authorization: Bearer token)",
  names: ["todoist"],
  value: [run("hex", 40)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
