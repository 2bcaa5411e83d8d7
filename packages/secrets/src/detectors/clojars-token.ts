import { prefixedToken, run } from "../token-format.js";

/** Clojars deploy token. */
export default prefixedToken({
  id: "clojars-token",
  name: "Clojars deploy token",
  source: "Clojars Wiki: Deploy tokens",
  parts: ["CLOJARS_", run("hex", 60)],
});
