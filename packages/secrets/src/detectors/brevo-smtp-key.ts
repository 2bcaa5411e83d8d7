import { prefixedToken, run } from "../token-format.js";

/** Brevo (Sendinblue) SMTP key. */
export default prefixedToken({
  id: "brevo-smtp-key",
  name: "Brevo (Sendinblue) SMTP key",
  source: "Brevo Help: Manage your SMTP keys",
  parts: ["xsmtpsib-", run("hex", 64), "-", run("alnum", 16)],
});
