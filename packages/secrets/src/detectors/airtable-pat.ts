import { prefixedToken, run } from "../token-format.js";

/** Airtable personal access token. */
export default prefixedToken({
  id: "airtable-pat",
  name: "Airtable personal access token",
  source: "Airtable Support: Creating personal access tokens",
  parts: ["pat", run("alnum", 14), ".", run("hex", 64)],
  keywords: ["pat"],
  window: { needs: "." },
});
