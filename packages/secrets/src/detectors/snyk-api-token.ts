import { assignedSecret, UUID } from "../token-format.js";

/** Snyk API token. */
export default assignedSecret({
  id: "snyk-api-token",
  name: "Snyk API token",
  source: "Snyk User Docs: Authentication for API (API token)",
  names: ["snyk"],
  value: UUID,
});
