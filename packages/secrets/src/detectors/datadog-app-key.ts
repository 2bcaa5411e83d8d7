import { assignedSecret, run } from "../token-format.js";

/** Datadog application key. */
export default assignedSecret({
  id: "datadog-app-key",
  name: "Datadog application key",
  source: "API and Application Keys - Datadog Docs",
  names: ["datadog", "dd_app"],
  value: [run("hex", 40)],
});
