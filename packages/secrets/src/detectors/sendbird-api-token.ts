import { assignedSecret, run } from "../token-format.js";

/** Sendbird API token. */
export default assignedSecret({
  id: "sendbird-api-token",
  name: "Sendbird API token",
  source: "Sendbird Docs: Authentication (API token)",
  names: ["sendbird"],
  value: [run("hex", 40)],
});
