import { prefixedToken, UUID } from "../token-format.js";

/** HubSpot private app access token. */
export default prefixedToken({
  id: "hubspot-private-app-token",
  name: "HubSpot private app access token",
  source: "HubSpot Developers: Private apps (access token)",
  parts: ["pat-", ["na1-", "na2-", "eu1-", "ap1-"], ...UUID],
});
