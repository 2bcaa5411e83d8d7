import { assignedSecret, run } from "../token-format.js";

/** Cloudsmith API key. */
export default assignedSecret({
  id: "cloudsmith-api-key",
  name: "Cloudsmith API key",
  source: "Cloudsmith Docs: API Key",
  names: ["cloudsmith"],
  value: [run("hex", 40)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
