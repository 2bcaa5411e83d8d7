import { assignedSecret, run } from "../token-format.js";

/** Pusher Channels app secret. */
export default assignedSecret({
  id: "pusher-app-secret",
  name: "Pusher Channels app secret",
  source: "Pusher Channels Docs: Authentication (app keys)",
  names: ["pusher"],
  value: [run("hex", 20)],
  secretWords: ["secret"],
});
