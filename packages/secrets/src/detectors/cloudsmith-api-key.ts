import { assignedSecret, run } from "../token-format.js";

/** Cloudsmith API key. */
export default assignedSecret({
  id: "cloudsmith-api-key",
  name: "Cloudsmith API key",
  source: "Cloudsmith Docs: API Key",
  names: ["cloudsmith"],
  value: [run("hex", 40)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
