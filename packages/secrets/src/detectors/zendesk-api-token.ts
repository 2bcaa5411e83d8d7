import { assignedSecret, run } from "../token-format.js";

/** Zendesk API token. */
export default assignedSecret({
  id: "zendesk-api-token",
  name: "Zendesk API token",
  source: "Zendesk Developer: API token authentication",
  names: ["zendesk"],
  value: [run("alnum", 40)],
});
