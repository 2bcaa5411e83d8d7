import { assignedSecret, UUID } from "../token-format.js";

/** LaunchDarkly API access token or SDK key. */
export default assignedSecret({
  id: "launchdarkly-key",
  name: "LaunchDarkly API access token or SDK key",
  source: "LaunchDarkly Docs: Keys (SDK keys) and API access tokens",
  names: ["launch_darkly"],
  value: [["api-", "sdk-"], ...UUID],
});
