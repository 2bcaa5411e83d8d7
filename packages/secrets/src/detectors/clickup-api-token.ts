import { prefixedToken, run } from "../token-format.js";

/** ClickUp personal API token. */
export default prefixedToken({
  id: "clickup-api-token",
  name: "ClickUp personal API token",
  source: "ClickUp API: Authentication (personal token)",
  parts: ["pk_", run("digits", 6, 10), "_", run("upalnum", 32)],
});
