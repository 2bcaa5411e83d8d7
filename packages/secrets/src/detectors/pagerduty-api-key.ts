import { assignedSecret, run } from "../token-format.js";

/** PagerDuty API key. */
export default assignedSecret({
  id: "pagerduty-api-key",
  name: "PagerDuty API key",
  source: "PagerDuty Developer: API Access Keys",
  names: ["pagerduty"],
  value: [run("urlsafe", 20)],
});
