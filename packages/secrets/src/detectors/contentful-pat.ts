import { prefixedToken, run } from "../token-format.js";

/** Contentful personal access token. */
export default prefixedToken({
  id: "contentful-pat",
  name: "Contentful personal access token",
  source: "Contentful Docs: Personal access tokens (CMA tokens)",
  parts: ["CFPAT-", run("urlsafe", 43)],
});
