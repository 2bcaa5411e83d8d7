import { assignedSecret, run } from "../token-format.js";

/** Twitch client secret or OAuth token. */
export default assignedSecret({
  id: "twitch-client-secret",
  name: "Twitch client secret or OAuth token",
  source: "Twitch Developers: Authentication",
  names: ["twitch"],
  value: [run("lowalnum", 30)],
});
