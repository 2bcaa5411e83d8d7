import { assignedSecret, run } from "../token-format.js";

/** MessageBird (Bird) access key. */
export default assignedSecret({
  id: "messagebird-access-key",
  name: "MessageBird (Bird) access key",
  source: "MessageBird API: Authentication (access keys)",
  names: ["message_bird"],
  value: [run("alnum", 25)],
});
