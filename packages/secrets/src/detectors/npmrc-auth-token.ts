import { defineDetector } from "../define-detector.js";

/** npm registry credential in .npmrc. */
export default defineDetector({
  id: "npmrc-auth-token",
  name: "npm registry credential in .npmrc",
  description: "`_authToken`, `_auth` or `_password` with a literal value in an .npmrc line (`${NPM_TOKEN}` references are fine).",
  source: "npmrc - npm Docs",
  severity: "error",
  keywords: ["_authtoken", "_auth", "_password"],
  // npm's .npmrc keys stand at the start of a line or after a registry scope (`//host/:_authToken=`):
  // not inside other names (`db_password = …`, `config.user_auth = …` are not .npmrc lines).
  pattern: /(?<![^\s:])(?:_authToken|_auth|_password)\s*=\s*["']?(?<secret>[^\s"'$][^\s"']{7,512})/,
  minEntropy: 3,
  fallback: true,
});
