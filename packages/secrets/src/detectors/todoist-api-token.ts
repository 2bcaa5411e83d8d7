import { assignedSecret, run } from "../token-format.js";

/** Todoist API token. */
export default assignedSecret({
  id: "todoist-api-token",
  name: "Todoist API token",
  source: "Todoist Developer: REST API v2 (Authorization: Bearer token)",
  names: ["todoist"],
  value: [run("hex", 40)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
