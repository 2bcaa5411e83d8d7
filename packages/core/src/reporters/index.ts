import { WardenError } from "../errors.js";
import { renderGithub } from "./github.js";
import { renderJson } from "./json.js";
import { renderPretty } from "./pretty.js";
import { renderSarif } from "./sarif.js";
import type { Reporter } from "./types.js";

/** The output formats every command that reports findings accepts. */
export const FORMATS = ["pretty", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];

const REPORTERS: Record<Format, Reporter> = {
  pretty: renderPretty,
  json: (report) => renderJson(report),
  sarif: (report) => renderSarif(report),
  github: (report) => renderGithub(report),
};

/** The reporter for `format`; an unknown format is a usage error. */
export function reporterFor(format: string): Reporter {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new WardenError("USAGE", `unknown format "${format}" (expected one of: ${FORMATS.join(", ")})`);
  }
  return REPORTERS[format as Format];
}

export { renderGithub } from "./github.js";
export { renderJson, JSON_REPORT_VERSION } from "./json.js";
export { renderPretty } from "./pretty.js";
export { renderSarif } from "./sarif.js";
export type { Report, ReportRule, Reporter, ReporterOptions } from "./types.js";
