import { prefixedToken, run } from "../token-format.js";

/** Salesforce access token (session id). */
export default prefixedToken({
  id: "salesforce-access-token",
  name: "Salesforce access token (session id)",
  source: "Salesforce Developers: OAuth access tokens",
  parts: ["00D", run("alnum", 12, 15), "!", run("b64url", 80, 120)],
  keywords: ["00d"],
  window: { after: 200,
  needs: "!" },
  minEntropy: 4,
});
