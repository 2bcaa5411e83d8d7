import { assignedSecret, run } from "../token-format.js";

/** Okta API token. */
export default assignedSecret({
  id: "okta-api-token",
  name: "Okta API token",
  source: "Okta Developer: Create an API token",
  names: ["okta"],
  value: ["00", run("urlsafe", 40)],
});
