import { alt, assignedSecret, run } from "../token-format.js";

/** Trello API token. */
export default assignedSecret({
  id: "trello-api-token",
  name: "Trello API token",
  source: "Trello REST API: Authorization (API key and token)",
  names: ["trello"],
  value: [alt([run("hex", 64)], ["ATTA", run("hex", 64)])],
});
