import { defineDetector } from "../define-detector.js";
import { near, SAMPLE_PASSWORDS } from "./shared.js";

/** .pypirc / pip.conf password. */
export default defineDetector({
  id: "pypirc-password",
  name: "Python package index password (.pypirc)",
  description: "A `password =` line in a `.pypirc` section (`[pypi]`, `[testpypi]`, or one named in `[distutils]` with a `repository =`); an API token there is reported by pypi-token.",
  source: "The .pypirc file - Python Packaging User Guide",
  severity: "error",
  keywords: ["password"],
  // At the start of a line: the window starts one character before the keyword, so a keyword
  // inside a line has that character behind it.
  pattern: /(?<![^\n])password\s*[:=][ \t]*(?<secret>\S{3,300})(?=[ \t]*(?:\r?\n|$))/,
  window: { before: 1, after: 320 },
  minEntropy: 1.5,
  fallback: true,
  validate: (secret, context) =>
    !SAMPLE_PASSWORDS.has(secret.toLowerCase()) && near(context.text, context.index, 600, /^\[(?:pypi|testpypi|distutils)\]|^repository\s*[:=]/m),
});
