import { prefixedToken, run } from "../token-format.js";

/** CircleCI API token. */
export default prefixedToken({
  id: "circleci-token",
  name: "CircleCI API token",
  source: "CircleCI Docs: Managing API tokens",
  parts: [["CCIPAT_", "CCIPRJ_"], run("alnum", 20, 30), "_", run("hex", 40)],
});
