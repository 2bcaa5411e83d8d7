import { assignedSecret, run } from "../token-format.js";

/** X (Twitter) API key secret. */
export default assignedSecret({
  id: "twitter-api-secret",
  name: "X (Twitter) API key secret",
  source: "X Developer Platform: Authentication (API key and secret)",
  names: ["twitter"],
  value: [run("alnum", 50)],
  secretWords: ["secret"],
});
