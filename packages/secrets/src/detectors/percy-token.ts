import { assignedSecret, run } from "../token-format.js";

/** Percy project token. */
export default assignedSecret({
  id: "percy-token",
  name: "Percy project token",
  source: "BrowserStack Percy Docs: Error - Missing Percy token (PERCY_TOKEN)",
  names: ["percy"],
  value: [run("hex", 64)],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
