import { assignedSecret, run } from "../token-format.js";

/** Datadog API key. */
export default assignedSecret({
  id: "datadog-api-key",
  name: "Datadog API key",
  source: "API and Application Keys - Datadog Docs",
  names: ["datadog", "dd_api"],
  value: [run("hex", 32)],
});
