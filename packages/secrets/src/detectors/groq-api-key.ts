import { prefixedToken, run } from "../token-format.js";

/** Groq API key. */
export default prefixedToken({
  id: "groq-api-key",
  name: "Groq API key",
  source: "GroqCloud: API Keys",
  parts: ["gsk_", run("alnum", 52)],
});
