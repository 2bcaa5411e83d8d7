import { prefixedToken, run } from "../token-format.js";

/** Atlassian API token. */
export default prefixedToken({
  id: "atlassian-api-token",
  name: "Atlassian API token",
  source: "Manage API tokens for your Atlassian account - Atlassian Support",
  parts: [["ATATT3", "ATCTT3"], run("urlsafe", 170, 200), "=", run("HEX", 8)],
  minEntropy: 4,
});
