import { DETECTOR_DOCS, type Detector } from "./define-detector.js";
import { DETECTORS } from "./registry.js";

/**
 * Render the detector catalogue (docs/secrets/detectors.md) from the registry: one section per
 * detector with its id, rule id, severity, keywords and description. A test keeps the
 * committed page in step with this output.
 */
export function renderCatalogue(detectors: readonly Detector[] = DETECTORS): string {
  const sorted = [...detectors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const out: string[] = [
    "# Secret detectors",
    "",
    `<!-- Generated from packages/secrets/src/detectors by \`node packages/secrets/scripts/catalogue.mjs\`; do not edit by hand. -->`,
    "",
    `${sorted.length} detectors: ${sorted.filter((d) => d.kind === "content").length} look at file contents, ${sorted.filter((d) => d.kind === "path").length} at file names. ` +
      "Each finding's rule id is `secrets/<id>`; turn a detector off with `secrets.disable` in `warden.config.ts`. " +
      "How findings are silenced: [allowlists, baseline and inline ignores](allowlists.md). How secrets are shown: [redaction](redaction.md).",
    "",
    "Every format is written from the vendor's own documentation (or the standard) named as its source. " +
      "Every content detector has keywords: its pattern runs only near a case-insensitive hit of one of them (one pass of a keyword automaton over the file), " +
      "so adding detectors adds keywords, not passes. File-name detectors look at paths only.",
    "",
    "| id | finds | severity | source |",
    "| --- | --- | --- | --- |",
    ...sorted.map((d) => `| [${d.id}](#${d.id}) | ${d.name} | ${d.severity} | ${d.source.replace(/\|/g, "\\|")} |`),
    "",
  ];
  for (const d of sorted) {
    out.push(`## ${d.id}`, "");
    out.push(d.description, "");
    out.push(`- rule id: \`${d.ruleId}\``);
    out.push(`- severity: ${d.severity}`);
    out.push(`- source: ${d.source}`);
    if (d.kind === "content") {
      out.push(`- keywords (prefilter): ${d.keywords.map((k) => `\`${k}\``).join(", ")}`);
      if (d.minEntropy !== undefined) out.push(`- minimum entropy: ${d.minEntropy} bits per character`);
      if (d.validate !== undefined) out.push("- extra validation: yes (structure, checksum or context)");
      if (d.examples !== undefined) out.push(`- vendor example values ignored: ${d.examples.length}`);
      if (d.fallback !== undefined && d.fallback !== false) out.push("- fallback: dropped where a specific detector matched the same text");
    } else {
      out.push("- matches: the file's path (contents are not needed, binary files included)");
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Where the catalogue lives, relative to the repository root. */
export const CATALOGUE_PATH = DETECTOR_DOCS;
