import { prefixedToken, run } from "../token-format.js";

/** Replicate API token. */
export default prefixedToken({
  id: "replicate-api-token",
  name: "Replicate API token",
  source: "Replicate: API tokens",
  parts: ["r8_", run("alnum", 37)],
});
