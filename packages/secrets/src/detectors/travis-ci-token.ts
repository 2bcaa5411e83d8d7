import { assignedSecret, run } from "../token-format.js";

/** Travis CI API token. */
export default assignedSecret({
  id: "travis-ci-token",
  name: "Travis CI API token",
  source: "Travis CI Docs: Developer API authentication",
  names: ["travis"],
  value: [run("urlsafe", 22)],
});
