import { alt, prefixedToken, run } from "../token-format.js";

/** 1Password service account token. */
export default prefixedToken({
  id: "onepassword-service-account-token",
  name: "1Password service account token",
  source: "1Password Developer: Service accounts",
  parts: ["ops_eyJ", run("b64url", 100, 1000), alt([], ["="], ["=="])],
  minEntropy: 4,
});
