import { assignedSecret, run } from "../token-format.js";

/** GoCardless access token. */
export default assignedSecret({
  id: "gocardless-access-token",
  name: "GoCardless access token",
  source: "GoCardless API reference: Authentication",
  names: ["gocardless"],
  value: ["live_", run("urlsafe", 40)],
});
