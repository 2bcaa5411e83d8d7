import { AUDIT_SEVERITIES, type AuditSettings, type AuditSeverity, WardenError } from "@warden/core";
import semver from "semver";

/** One advisory as the registry's bulk endpoint returns it (only the fields Warden reads). */
export interface RegistryAdvisory {
  readonly id: number | string;
  readonly url?: string;
  readonly title?: string;
  readonly severity?: string;
  readonly vulnerable_versions?: string;
}

/** An advisory matched against the locked versions it affects. */
export interface AuditFinding {
  readonly id: string;
  readonly ghsa: string | undefined;
  readonly url: string | undefined;
  readonly title: string;
  readonly severity: AuditSeverity;
  readonly package: string;
  readonly versions: readonly string[];
  readonly vulnerableVersions: string;
  /** At or above the threshold and not ignored: it fails the audit. */
  readonly counted: boolean;
  readonly ignored?: { readonly reason: string; readonly until?: string };
  readonly expired?: { readonly reason: string; readonly until: string };
}

/** Names per request: a request body stays well under a megabyte for real lockfiles. */
const BATCH = 400;

/** The registry's host and path for messages, without any credentials in its URL. */
export function displayRegistry(registry: string): string {
  try {
    const url = new URL(registry);
    return `${url.host}${url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "")}`;
  } catch {
    return "the configured registry";
  }
}

function severityOf(value: unknown): AuditSeverity {
  return typeof value === "string" && (AUDIT_SEVERITIES as readonly string[]).includes(value) ? (value as AuditSeverity) : "moderate";
}

function ghsaOf(advisory: RegistryAdvisory): string | undefined {
  return /GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/i.exec(advisory.url ?? "")?.[0];
}

/** Ask the registry's bulk advisory endpoint about every locked package; batches run one after another. */
export async function fetchAdvisories(
  registry: string,
  packages: ReadonlyMap<string, ReadonlySet<string>>,
  timeoutMs: number,
  onBatch?: (done: number, total: number) => void,
): Promise<Map<string, RegistryAdvisory[]>> {
  // credentials in the registry's URL go in a Basic authorization header, as npm sends them
  let url: URL;
  try {
    url = new URL(`${registry.replace(/\/+$/, "")}/-/npm/v1/security/advisories/bulk`);
  } catch {
    throw new WardenError("USAGE", "the registry to audit against is not a URL (audit.registry, npm_config_registry or registry= in .npmrc)");
  }
  const authorization = url.username === "" ? undefined : `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`;
  url.username = "";
  url.password = "";
  const endpoint = url.toString();
  const names = [...packages.keys()].sort();
  const result = new Map<string, RegistryAdvisory[]>();
  const where = displayRegistry(registry);
  for (let start = 0; start < names.length; start += BATCH) {
    const body: Record<string, string[]> = {};
    for (const name of names.slice(start, start + BATCH)) body[name] = [...(packages.get(name) ?? [])].sort();
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": "warden-audit", ...(authorization === undefined ? {} : { authorization }) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms (audit.timeoutMs)` : error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new WardenError("USAGE", `cannot reach the advisory endpoint of ${where}: ${reason}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new WardenError("USAGE", `the advisory endpoint of ${where} answered ${response.status}${response.status === 404 || response.status === 405 ? " (this registry does not serve npm's bulk advisory endpoint: set audit.registry to one that does)" : ""}`);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      throw new WardenError("USAGE", `the advisory endpoint of ${where} answered with something that is not JSON`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new WardenError("USAGE", `the advisory endpoint of ${where} answered with an unexpected shape`);
    for (const [name, list] of Object.entries(parsed as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      const kept = list.filter((a): a is RegistryAdvisory => typeof a === "object" && a !== null && "id" in a);
      result.set(name, [...(result.get(name) ?? []), ...kept]);
    }
    onBatch?.(Math.min(start + BATCH, names.length), names.length);
  }
  return result;
}

/** Which locked versions an advisory's range covers; an unreadable range covers them all (never hide an advisory). */
function affected(versions: ReadonlySet<string>, range: string): string[] {
  if (semver.validRange(range, { loose: true }) === null) return [...versions].sort(semver.compare);
  return [...versions].filter((v) => semver.satisfies(v, range, { loose: true, includePrerelease: true })).sort(semver.compare);
}

function ignoreKeyMatches(key: string | number, advisory: RegistryAdvisory, ghsa: string | undefined): boolean {
  const k = String(key).trim();
  return k === String(advisory.id) || (ghsa !== undefined && k.toUpperCase() === ghsa.toUpperCase()) || (advisory.url !== undefined && k === advisory.url);
}

/**
 * Match advisories to the locked versions, apply the threshold and the ignore list (an ignore past
 * its `until` day no longer holds). `today` is a UTC date (YYYY-MM-DD). Sorted: most severe first.
 */
export function matchAdvisories(
  packages: ReadonlyMap<string, ReadonlySet<string>>,
  advisories: ReadonlyMap<string, readonly RegistryAdvisory[]>,
  settings: Pick<AuditSettings, "severity" | "ignore">,
  today: string,
): { findings: AuditFinding[]; unusedIgnores: AuditSettings["ignore"] } {
  const threshold = AUDIT_SEVERITIES.indexOf(settings.severity);
  const used = new Set<number>();
  const findings: AuditFinding[] = [];
  for (const [name, list] of advisories) {
    const versions = packages.get(name);
    if (versions === undefined) continue;
    const seen = new Set<string>();
    for (const advisory of list) {
      const id = String(advisory.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const range = typeof advisory.vulnerable_versions === "string" ? advisory.vulnerable_versions : "*";
      const hit = affected(versions, range);
      if (hit.length === 0) continue;
      const ghsa = ghsaOf(advisory);
      const severity = severityOf(advisory.severity);
      const index = settings.ignore.findIndex((entry) => ignoreKeyMatches(entry.advisory, advisory, ghsa));
      const entry = index < 0 ? undefined : settings.ignore[index];
      if (index >= 0) used.add(index);
      const holds = entry !== undefined && (entry.until === undefined || entry.until >= today);
      const atThreshold = AUDIT_SEVERITIES.indexOf(severity) >= threshold;
      findings.push({
        id,
        ghsa,
        url: advisory.url,
        title: (advisory.title ?? "").replace(/\s+/g, " ").trim() || "(no title)",
        severity,
        package: name,
        versions: hit,
        vulnerableVersions: range,
        counted: atThreshold && !holds,
        ...(entry !== undefined && holds ? { ignored: { reason: entry.reason, ...(entry.until === undefined ? {} : { until: entry.until }) } } : {}),
        ...(entry?.until !== undefined && !holds ? { expired: { reason: entry.reason, until: entry.until } } : {}),
      });
    }
  }
  findings.sort((a, b) => AUDIT_SEVERITIES.indexOf(b.severity) - AUDIT_SEVERITIES.indexOf(a.severity) || (a.package < b.package ? -1 : a.package > b.package ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { findings, unusedIgnores: settings.ignore.filter((_, i) => !used.has(i)) };
}
