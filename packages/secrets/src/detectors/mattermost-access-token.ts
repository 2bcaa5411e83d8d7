import { assignedSecret, run } from "../token-format.js";

/** Mattermost personal access token. */
export default assignedSecret({
  id: "mattermost-access-token",
  name: "Mattermost personal access token",
  source: "Mattermost Developers: Personal access tokens",
  names: ["mattermost"],
  value: [run("lowalnum", 26)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
