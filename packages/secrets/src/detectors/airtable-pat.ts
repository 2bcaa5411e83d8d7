import { assignedSecret, run } from "../token-format.js";

/** Airtable personal access token. */
export default assignedSecret({
  id: "airtable-pat",
  name: "Airtable personal access token",
  source: "Airtable Support: Creating personal access tokens",
  names: ["airtable"],
  value: ["pat", run("alnum", 14), ".", run("hex", 64)],
  note: "Its `pat` prefix is too common a word in code to be a prefilter keyword on its own, so the token is looked for next to an Airtable name.",
});
