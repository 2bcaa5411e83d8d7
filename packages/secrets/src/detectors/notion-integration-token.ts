import { prefixedToken, run } from "../token-format.js";

/** Notion integration token. */
export default prefixedToken({
  id: "notion-integration-token",
  name: "Notion integration token",
  source: "Notion Developers: Authorization (internal integration tokens)",
  parts: [["ntn_", "secret_"], run("alnum", 43, 46)],
});
