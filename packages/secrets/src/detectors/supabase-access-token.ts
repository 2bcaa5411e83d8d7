import { alt, prefixedToken, run } from "../token-format.js";

/** Supabase personal access token. */
export default prefixedToken({
  id: "supabase-access-token",
  name: "Supabase personal access token",
  source: "Supabase Docs: Management API (access tokens)",
  parts: ["sbp_", alt([], ["oauth_"]), run("hex", 40)],
  keywords: ["sbp_"],
});
