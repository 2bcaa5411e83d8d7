import { readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_SEVERITIES, currentEnv, loadConfig, plural, repoRoot, WardenError, type AuditSeverity } from "@warden/core";
import { displayRegistry, fetchAdvisories, matchAdvisories, type AuditFinding } from "../audit/advisories.js";
import { readLockedPackages } from "../audit/lockfile.js";
import type { Io } from "../io.js";

const DEFAULT_REGISTRY = "https://registry.npmjs.org";

/** The registry asked: audit.registry, then npm_config_registry, then `registry=` in the repository's .npmrc, then npm's. */
export function auditRegistry(root: string, configured: string | undefined, env: NodeJS.ProcessEnv = currentEnv()): string {
  if (configured !== undefined) return configured;
  const fromEnv = env.npm_config_registry ?? env.NPM_CONFIG_REGISTRY;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv.trim();
  try {
    const npmrc = readFileSync(path.join(root, ".npmrc"), "utf8");
    const line = /^\s*registry\s*=\s*(\S+)\s*$/m.exec(npmrc);
    if (line?.[1] !== undefined && /^https?:\/\//.test(line[1])) return line[1];
  } catch {
    // no .npmrc
  }
  return DEFAULT_REGISTRY;
}

interface AuditOptions {
  readonly severity?: string;
  readonly format?: string;
  readonly config?: string;
}

function counts(findings: readonly AuditFinding[]): string {
  const by = new Map<AuditSeverity, number>();
  for (const f of findings) by.set(f.severity, (by.get(f.severity) ?? 0) + 1);
  return [...AUDIT_SEVERITIES]
    .reverse()
    .filter((s) => by.has(s))
    .map((s) => `${by.get(s)} ${s}`)
    .join(", ");
}

/** `warden audit`: the dependency audit gate over the root lockfile. Exit 0 clean, 1 advisories at or above the threshold, 2 usage/config/network error. */
export async function auditCommand(io: Io, options: AuditOptions): Promise<number> {
  const format = options.format ?? "pretty";
  if (format !== "pretty" && format !== "json") throw new WardenError("USAGE", `unknown format "${format}" for warden audit (pretty, json)`);
  if (options.severity !== undefined && !(AUDIT_SEVERITIES as readonly string[]).includes(options.severity)) {
    throw new WardenError("USAGE", `unknown severity "${options.severity}" (${AUDIT_SEVERITIES.join(", ")})`);
  }
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  const settings = { ...config.audit, severity: (options.severity as AuditSeverity | undefined) ?? config.audit.severity };
  const locked = readLockedPackages(root);
  const registry = auditRegistry(root, settings.registry);
  const versions = [...locked.packages.values()].reduce((n, set) => n + set.size, 0);
  const where = displayRegistry(registry);
  if (format === "pretty") io.stderr.write(`warden audit: asking ${where} about ${plural(locked.packages.size, "package")} (${plural(versions, "version")}) from ${locked.lockfile}\n`);
  const advisories = await fetchAdvisories(registry, locked.packages, settings.timeoutMs);
  const today = new Date().toISOString().slice(0, 10);
  const { findings, unusedIgnores } = matchAdvisories(locked.packages, advisories, settings, today);
  const counted = findings.filter((f) => f.counted);

  if (format === "json") {
    io.stdout.write(
      `${JSON.stringify(
        {
          lockfile: locked.lockfile,
          registry: where,
          packages: locked.packages.size,
          versions,
          notFromRegistry: locked.notFromRegistry,
          severity: settings.severity,
          advisories: findings,
          unusedIgnores,
          summary: { counted: counted.length, total: findings.length },
        },
        null,
        2,
      )}\n`,
    );
    return counted.length > 0 ? 1 : 0;
  }

  for (const f of findings) {
    const mark = f.counted ? "✖" : f.ignored !== undefined ? "○" : "·";
    const id = f.ghsa ?? f.id;
    io.stdout.write(`${mark} ${f.severity.padEnd(8)} ${f.package}@${f.versions.join(", ")}  ${f.title}  ${id} (affects ${f.vulnerableVersions})${f.url === undefined ? "" : `  ${f.url}`}\n`);
    if (f.ignored !== undefined) io.stdout.write(`    ignored: ${f.ignored.reason}${f.ignored.until === undefined ? "" : ` (until ${f.ignored.until})`}\n`);
    if (f.expired !== undefined) io.stdout.write(`    the exception expired on ${f.expired.until}: ${f.expired.reason}\n`);
  }
  for (const entry of unusedIgnores) io.stderr.write(`warden audit: audit.ignore entry ${String(entry.advisory)} matches no advisory of the locked packages: remove it\n`);
  const below = findings.filter((f) => !f.counted && f.ignored === undefined);
  const ignored = findings.filter((f) => f.ignored !== undefined);
  const notes = [
    below.length > 0 ? `${below.length} below ${settings.severity} not counted (${counts(below)})` : "",
    ignored.length > 0 ? `${ignored.length} ignored by audit.ignore` : "",
  ].filter((s) => s !== "");
  if (counted.length > 0) {
    const packages = new Set(counted.map((f) => f.package)).size;
    io.stdout.write(`✖ ${plural(counted.length, "advisory", "advisories")} at or above ${settings.severity} (${counts(counted)}) in ${plural(packages, "package")}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}\n`);
    return 1;
  }
  io.stdout.write(`✔ no advisories at or above ${settings.severity} in ${plural(locked.packages.size, "package")}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}\n`);
  return 0;
}
