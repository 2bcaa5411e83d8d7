import { defineDetector } from "../define-detector.js";

/** PyPI API token. */
export default defineDetector({
  id: "pypi-token",
  name: "PyPI API token",
  description: "PyPI or TestPyPI API token: `pypi-` + a macaroon whose base64 starts with the index's name.",
  source: "API tokens - PyPI Help",
  severity: "error",
  keywords: ["pypi-ag"],
  pattern: /(?<![A-Za-z0-9_-])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])/,
  minEntropy: 4,
});
