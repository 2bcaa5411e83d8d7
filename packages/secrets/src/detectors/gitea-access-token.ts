import { assignedSecret, run } from "../token-format.js";

/** Gitea access token. */
export default assignedSecret({
  id: "gitea-access-token",
  name: "Gitea access token",
  source: "Gitea Documentation: API Usage (access tokens)",
  names: ["gitea"],
  value: [run("hex", 40)],
  // The token in the API Usage page's example response.
  examples: ["9fcb1158165773dd010fca5f0cf7174316c3e37d"],
  note: "The page's example token (40 hex digits, the `sha1` field) is not reported.",
});
