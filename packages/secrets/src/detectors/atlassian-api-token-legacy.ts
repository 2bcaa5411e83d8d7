import { assignedSecret, run } from "../token-format.js";

/** Atlassian API token (legacy 24-character). */
export default assignedSecret({
  id: "atlassian-api-token-legacy",
  name: "Atlassian API token (legacy 24-character)",
  source: "Manage API tokens for your Atlassian account - Atlassian Support",
  names: ["atlassian", "jira", "confluence"],
  value: [run("alnum", 24)],
});
