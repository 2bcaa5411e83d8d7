import { alt, prefixedToken, run } from "../token-format.js";

/** Fly.io access token. */
export default prefixedToken({
  id: "fly-io-token",
  name: "Fly.io access token",
  source: "Fly.io Docs: Access tokens",
  parts: [["fm1r_", "fm1a_", "fm2_"], run("b64url", 80, 1200), alt([], ["="], ["=="])],
  minEntropy: 4,
});
