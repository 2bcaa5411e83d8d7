import { assignedSecret, run } from "../token-format.js";

/** Mattermost personal access token. */
export default assignedSecret({
  id: "mattermost-access-token",
  name: "Mattermost personal access token",
  source: "Mattermost: Personal access tokens",
  names: ["mattermost"],
  value: [run("lowalnum", 26)],
});
