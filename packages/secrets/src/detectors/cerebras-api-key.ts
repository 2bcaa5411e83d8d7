import { prefixedToken, run } from "../token-format.js";

/** Cerebras API key. */
export default prefixedToken({
  id: "cerebras-api-key",
  name: "Cerebras API key",
  source: "Cerebras Inference: QuickStart (API key)",
  parts: ["csk-", run("lowalnum", 48)],
});
