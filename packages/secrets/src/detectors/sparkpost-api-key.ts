import { assignedSecret, run } from "../token-format.js";

/** SparkPost API key. */
export default assignedSecret({
  id: "sparkpost-api-key",
  name: "SparkPost API key",
  source: "SparkPost API: Authentication",
  names: ["sparkpost"],
  value: [run("hex", 40)],
});
