import { prefixedToken, run } from "../token-format.js";

/** E2B API key. */
export default prefixedToken({
  id: "e2b-api-key",
  name: "E2B API key",
  source: "API key - E2B Documentation (SDK key format check: e2b_ followed by hex characters)",
  parts: ["e2b_", run("hex", 40)],
});
