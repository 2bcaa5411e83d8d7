import { prefixedToken, run } from "../token-format.js";

/** NuGet.org API key. */
export default prefixedToken({
  id: "nuget-api-key",
  name: "NuGet.org API key",
  source: "NuGet Docs: Scoped API keys",
  parts: ["oy2", run("lowbase32", 43)],
});
