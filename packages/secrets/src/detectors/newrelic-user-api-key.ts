import { prefixedToken, run } from "../token-format.js";

/** New Relic user API key. */
export default prefixedToken({
  id: "newrelic-user-api-key",
  name: "New Relic user API key",
  source: "New Relic API keys - New Relic Documentation",
  parts: ["NRAK-", run("upalnum", 27)],
});
