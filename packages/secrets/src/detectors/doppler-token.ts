import { alt, prefixedToken, run } from "../token-format.js";

/** Doppler token. */
export default prefixedToken({
  id: "doppler-token",
  name: "Doppler token",
  source: "Doppler Docs: Token formats",
  // A service token names its config between `st.` and the secret (`dp.st.dev.…`, `dp.st.prd_aws.…`).
  parts: ["dp.", alt([["pt", "sa", "ct", "scim", "audit"], "."], ["st.", alt([], [run("urlsafe", 2, 40), "."])]), run("alnum", 40, 44)],
});
