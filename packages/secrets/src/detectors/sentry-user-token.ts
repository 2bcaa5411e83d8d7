import { prefixedToken, run } from "../token-format.js";

/** Sentry user auth token. */
export default prefixedToken({
  id: "sentry-user-token",
  name: "Sentry user auth token",
  source: "Token and Credential Formats | Sentry Docs",
  parts: ["sntryu_", run("hex", 64)],
});
