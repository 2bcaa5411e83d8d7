import { assignedSecret, run } from "../token-format.js";

/** Sanity API token. */
export default assignedSecret({
  id: "sanity-api-token",
  name: "Sanity API token",
  source: "Sanity Docs: API tokens (HTTP auth)",
  names: ["sanity"],
  value: ["sk", run("alnum", 80, 200)],
});
