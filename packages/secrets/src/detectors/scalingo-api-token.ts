import { prefixedToken, run } from "../token-format.js";

/** Scalingo API token. */
export default prefixedToken({
  id: "scalingo-api-token",
  name: "Scalingo API token",
  source: "Scalingo.js README (Scalingo/scalingo.js): clientFromToken(\"tk-us-...\") and SCALINGO_TOKEN",
  parts: ["tk-us-", run("urlsafe", 32, 64)],
  note: "Scalingo documents the `tk-us-` prefix but not the body's length; a body of 32–64 URL-safe characters is required.",
});
