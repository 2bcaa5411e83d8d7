import { prefixedToken, run } from "../token-format.js";

/** New Relic insert key (Insights). */
export default prefixedToken({
  id: "newrelic-insert-key",
  name: "New Relic insert key (Insights)",
  source: "New Relic API keys - New Relic Documentation",
  parts: ["NRII-", run("urlsafe", 32)],
});
