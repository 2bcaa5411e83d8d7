import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { isManifest, jsonKeyLine, parseManifest } from "../../manifest.js";

/** semver 2.0.0, as the specification's recommended expression. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export default defineRule({
  id: "package/valid-semver",
  enforces: "Rule 5",
  description: "Every package.json `version` is valid semver (MAJOR.MINOR.PATCH[-pre][+build]).",
  scope: "file",
  languages: ["json"],
  messages: {
    invalid: {
      message: "Version \"{{version}}\" is not valid semver.",
      hint: "Write MAJOR.MINOR.PATCH, e.g. \"1.4.0\" or \"2.0.0-beta.1\" (no leading \"v\", no leading zeros); let changesets bump it.",
    },
    notString: {
      message: "The version field is not a string.",
      hint: "Write the version as a string, e.g. \"version\": \"1.0.0\".",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isManifest(ctx.file) || ctx.file.includes("node_modules/")) return;
    const manifest = parseManifest(ctx.text);
    if (manifest === undefined || !("version" in manifest)) return;
    const version = manifest.version;
    const line = jsonKeyLine(ctx.text, "version");
    if (typeof version !== "string") ctx.report({ messageId: "notString", line, key: "version" });
    else if (!SEMVER.test(version)) ctx.report({ messageId: "invalid", data: { version: version.slice(0, 60) }, line, key: version });
  },
});
