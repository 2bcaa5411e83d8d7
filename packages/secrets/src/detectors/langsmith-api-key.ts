import { prefixedToken, run } from "../token-format.js";

/** LangSmith API key. */
export default prefixedToken({
  id: "langsmith-api-key",
  name: "LangSmith API key",
  source: "LangSmith: Create an account and API key",
  parts: ["lsv2_", ["pt", "sk"], "_", run("hex", 32), "_", run("hex", 10)],
});
