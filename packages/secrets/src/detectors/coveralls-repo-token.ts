import { assignedSecret, run } from "../token-format.js";

/** Coveralls repo token. */
export default assignedSecret({
  id: "coveralls-repo-token",
  name: "Coveralls repo token",
  source: "Coveralls Docs: Supported CI services (COVERALLS_REPO_TOKEN)",
  names: ["coveralls"],
  value: [run("alnum", 32, 37)],
});
