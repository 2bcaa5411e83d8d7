import { prefixedToken, run } from "../token-format.js";

/** Doppler token. */
export default prefixedToken({
  id: "doppler-token",
  name: "Doppler token",
  source: "Doppler Docs: Token formats",
  parts: ["dp.", ["pt", "st", "sa", "ct", "scim", "audit"], ".", run("alnum", 40, 44)],
});
