import { assignedSecret, run } from "../token-format.js";

/** Zulip API key. */
export default assignedSecret({
  id: "zulip-api-key",
  name: "Zulip API key",
  source: "Zulip: API keys",
  names: ["zulip"],
  value: [run("alnum", 32)],
});
