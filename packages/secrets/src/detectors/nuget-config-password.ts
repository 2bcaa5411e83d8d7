import { defineDetector } from "../define-detector.js";

/** NuGet.config package source credential. */
export default defineDetector({
  id: "nuget-config-password",
  name: "NuGet.config clear-text password",
  description: "A `ClearTextPassword` (or an encrypted `Password`, reported as a warning: it decrypts on the machine that wrote it only) of a `<packageSourceCredentials>` entry in NuGet.config; `%VAR%` references are not reported.",
  source: "nuget.config reference | Microsoft Learn (packageSourceCredentials)",
  severity: "error",
  keywords: ["cleartextpassword", "\"password\""],
  pattern: /<add\s+key\s*=\s*["'](?<kind>ClearTextPassword|Password)["']\s+value\s*=\s*["'](?<secret>[^"']{3,2000})["']/i,
  window: { before: 40, after: 2100 },
  minEntropy: 1.5,
  validate: (_secret, context) => {
    const before = context.text.slice(Math.max(0, context.index - 60), context.index);
    if (/ClearTextPassword/i.test(before)) return true;
    return { severity: "warn", note: "an encrypted NuGet password: move the credential out of the repository" };
  },
});
