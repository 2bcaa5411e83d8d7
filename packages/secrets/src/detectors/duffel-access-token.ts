import { prefixedToken, run } from "../token-format.js";

/** Duffel live access token. */
export default prefixedToken({
  id: "duffel-access-token",
  name: "Duffel live access token",
  source: "Duffel Docs: Authentication",
  parts: ["duffel_live_", run("urlsafe", 43)],
});
