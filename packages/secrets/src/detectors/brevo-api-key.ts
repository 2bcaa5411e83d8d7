import { prefixedToken, run } from "../token-format.js";

/** Brevo (Sendinblue) API key. */
export default prefixedToken({
  id: "brevo-api-key",
  name: "Brevo (Sendinblue) API key",
  source: "Brevo Help: Manage your API keys",
  parts: ["xkeysib-", run("hex", 64), "-", run("alnum", 16)],
});
