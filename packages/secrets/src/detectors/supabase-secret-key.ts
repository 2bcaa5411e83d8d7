import { prefixedToken, run } from "../token-format.js";

/** Supabase secret API key. */
export default prefixedToken({
  id: "supabase-secret-key",
  name: "Supabase secret API key",
  source: "Supabase Docs: Understanding API keys",
  parts: ["sb_secret_", run("urlsafe", 31, 64)],
});
