import { assignedSecret, run } from "../token-format.js";

/** Codacy API token. */
export default assignedSecret({
  id: "codacy-api-token",
  name: "Codacy API token",
  source: "Codacy Docs: API tokens",
  names: ["codacy"],
  value: [run("alnum", 20, 40)],
});
