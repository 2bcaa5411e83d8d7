import { definePathDetector } from "../define-detector.js";

/** Environment file. */
export default definePathDetector({
  id: "env-file",
  name: "Environment file",
  description: "A `.env` file or variant (`.env.local`, `.env.production`, `prod.env` …); templates named `.example`, `.sample`, `.template`, `.dist`, `.defaults` or `.schema` are fine.",
  severity: "error",
  matchPath: (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!/^\.env(?:\.[\w.-]+)?$|^[\w.-]+\.env$/.test(name)) return false;
    return !/[.-](?:example|sample|template|tpl|dist|defaults?|schema)(?:\.|$)/i.test(name);
  },
});
