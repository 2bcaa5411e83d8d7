import { prefixedToken, run } from "../token-format.js";

/** Honeybadger personal auth token. */
export default prefixedToken({
  id: "honeybadger-personal-token",
  name: "Honeybadger personal auth token",
  source: "Honeybadger Docs: Data API authentication",
  parts: ["hbp_", run("alnum", 36)],
});
