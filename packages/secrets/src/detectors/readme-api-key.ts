import { prefixedToken, run } from "../token-format.js";

/** ReadMe API key. */
export default prefixedToken({
  id: "readme-api-key",
  name: "ReadMe API key",
  source: "ReadMe Docs: Authentication (API keys)",
  parts: ["rdme_", run("hex", 70)],
});
