import { assignedSecret, run } from "../token-format.js";

/** Zulip API key. */
export default assignedSecret({
  id: "zulip-api-key",
  name: "Zulip API key",
  source: "Zulip API: API keys and zuliprc files",
  names: ["zulip"],
  value: [run("alnum", 32)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
