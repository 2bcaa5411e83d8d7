import { assignedSecret, run } from "../token-format.js";

/** Gitea access token. */
export default assignedSecret({
  id: "gitea-access-token",
  name: "Gitea access token",
  source: "Gitea Documentation: API Usage (access tokens)",
  names: ["gitea"],
  value: [run("hex", 40)],
});
