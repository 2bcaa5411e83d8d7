import { prefixedToken, run } from "../token-format.js";

/** Buildkite API access token. */
export default prefixedToken({
  id: "buildkite-token",
  name: "Buildkite API access token",
  source: "Buildkite Docs: Managing API access tokens",
  parts: ["bkua_", run("hex", 40)],
});
