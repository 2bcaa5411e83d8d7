import { prefixedToken, run } from "../token-format.js";

/** RubyGems API key. */
export default prefixedToken({
  id: "rubygems-api-key",
  name: "RubyGems API key",
  source: "RubyGems Guides: API key scopes",
  parts: ["rubygems_", run("hex", 48)],
});
