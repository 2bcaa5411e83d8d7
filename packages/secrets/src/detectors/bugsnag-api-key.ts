import { assignedSecret, run } from "../token-format.js";

/** Bugsnag (Insight Hub) API key. */
export default assignedSecret({
  id: "bugsnag-api-key",
  name: "Bugsnag (Insight Hub) API key",
  source: "Bugsnag Docs: Data access API (auth tokens)",
  names: ["bugsnag"],
  value: [run("hex", 32)],
});
