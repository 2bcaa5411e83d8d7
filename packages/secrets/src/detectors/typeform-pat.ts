import { prefixedToken, run } from "../token-format.js";

/** Typeform personal access token. */
export default prefixedToken({
  id: "typeform-pat",
  name: "Typeform personal access token",
  source: "Typeform Developers: Personal access token",
  parts: ["tfp_", run("urlsafe", 44), "_", run("urlsafe", 14)],
});
