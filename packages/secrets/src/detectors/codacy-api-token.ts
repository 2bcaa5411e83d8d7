import { assignedSecret, run } from "../token-format.js";

/** Codacy API token. */
export default assignedSecret({
  id: "codacy-api-token",
  name: "Codacy API token",
  source: "Codacy Docs: API tokens",
  names: ["codacy"],
  value: [run("alnum", 20, 40)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
