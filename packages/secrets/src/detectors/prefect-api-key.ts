import { prefixedToken, run } from "../token-format.js";

/** Prefect Cloud API key. */
export default prefixedToken({
  id: "prefect-api-key",
  name: "Prefect Cloud API key",
  source: "Prefect Docs: Manage API keys",
  parts: ["pnu_", run("alnum", 36)],
});
