import { prefixedToken, run } from "../token-format.js";

/** Dynatrace API token. */
export default prefixedToken({
  id: "dynatrace-token",
  name: "Dynatrace API token",
  source: "Dynatrace Docs: Access tokens (token format)",
  parts: [["dt0c01.", "dt0s01.", "dt0s02.", "dt0s16."], run("upalnum", 24), ".", run("upalnum", 64)],
});
