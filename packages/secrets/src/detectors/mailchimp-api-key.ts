import { prefixedToken, run } from "../token-format.js";

/** Mailchimp API key. */
export default prefixedToken({
  id: "mailchimp-api-key",
  name: "Mailchimp API key",
  source: "Mailchimp Marketing API: Quick start (API key)",
  parts: [run("hex", 32), "-us", run("digits", 1, 2)],
  keywords: ["-us"],
});
