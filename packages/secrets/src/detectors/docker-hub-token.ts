import { prefixedToken, run } from "../token-format.js";

/** Docker Hub access token. */
export default prefixedToken({
  id: "docker-hub-token",
  name: "Docker Hub access token",
  source: "Docker Docs: Personal access tokens / Organization access tokens",
  parts: [["dckr_pat_", "dckr_oat_"], run("urlsafe", 27, 40)],
});
