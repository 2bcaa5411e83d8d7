import { assignedSecret, run } from "../token-format.js";

/** DeepSeek API key. */
export default assignedSecret({
  id: "deepseek-api-key",
  name: "DeepSeek API key",
  source: "DeepSeek API Docs: Your First API Call",
  names: ["deepseek"],
  value: ["sk-", run("hex", 32)],
});
