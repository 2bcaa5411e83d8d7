import { assignedSecret, run } from "../token-format.js";

/** Coveralls repo token. */
export default assignedSecret({
  id: "coveralls-repo-token",
  name: "Coveralls repo token",
  source: "Coveralls Docs: Supported CI services (COVERALLS_REPO_TOKEN)",
  names: ["coveralls"],
  value: [run("alnum", 32, 37)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
