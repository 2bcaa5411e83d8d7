import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "@warden/core";
import { verifyEnvironment } from "./env.js";
import { VERIFIERS, type Liveness, type Verifier } from "./verifiers.js";

/** A found credential held in memory until it is verified; never written anywhere. */
export interface VerifyCandidate {
  readonly detectorId: string;
  readonly fingerprint: string;
  readonly secret: string;
}

/** Options of {@link verifyFindings}. */
export interface VerifyOptions {
  /** Per request (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Requests per second per vendor (default 4). */
  readonly perSecond?: number;
  /** JSON file of earlier answers, keyed by fingerprint (never the secret); undefined: no cache. */
  readonly cacheFile?: string;
  /** How long a cached answer holds (default 24 h). */
  readonly cacheTtlMs?: number;
  /** Base URL overrides (tests; default: the WARDEN_VERIFY_BASE_URL_* environment variables). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
}

/** The outcome per fingerprint. */
export interface VerifyResult {
  readonly status: Liveness;
  readonly vendor: string;
  /** Why the status is unknown (timeout, rate limit, HTTP status, network error). */
  readonly reason?: string;
  /** From the cache rather than a request. */
  readonly cached: boolean;
}

interface CacheEntry {
  readonly status: Liveness;
  readonly vendor: string;
  readonly at: number;
}

/**
 * The base URL of a vendor: its API, or — for tests — `WARDEN_VERIFY_BASE_URL_<VENDOR>`, which
 * is honoured only for loopback addresses so that no setting can send a credential elsewhere.
 */
export function baseUrlOf(verifier: Verifier, env: Readonly<Record<string, string | undefined>>): string {
  const override = env[`WARDEN_VERIFY_BASE_URL_${verifier.vendor.toUpperCase()}`];
  if (override === undefined || override === "") return verifier.baseUrl;
  const url = new URL(override);
  if (url.protocol !== "http:" || !["127.0.0.1", "[::1]", "localhost"].includes(url.hostname)) {
    throw new Error(`WARDEN_VERIFY_BASE_URL_${verifier.vendor.toUpperCase()} must be an http://127.0.0.1 address (it exists for tests)`);
  }
  return override.replace(/\/$/, "");
}

function readCache(file: string | undefined): Record<string, CacheEntry> {
  if (file === undefined) return {};
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { version?: number; entries?: Record<string, CacheEntry> };
    return data.version === 1 && typeof data.entries === "object" && data.entries !== null ? data.entries : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, entries: Record<string, CacheEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
  renameSync(temporary, file);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ask each candidate's vendor whether it works, one vendor's requests spaced by the rate limit,
 * each bounded by the timeout; answers are cached by fingerprint. Candidates of detectors
 * without a read-only check are left out of the result.
 */
export async function verifyCandidates(candidates: readonly VerifyCandidate[], options: VerifyOptions = {}): Promise<Map<string, VerifyResult>> {
  const env = options.env ?? verifyEnvironment();
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 5000;
  const gap = 1000 / (options.perSecond ?? 4);
  const ttl = options.cacheTtlMs ?? 24 * 60 * 60 * 1000;
  const cache = readCache(options.cacheFile);
  const results = new Map<string, VerifyResult>();
  const byVendor = new Map<string, VerifyCandidate[]>();
  for (const candidate of candidates) {
    const verifier = VERIFIERS[candidate.detectorId];
    if (verifier === undefined || results.has(candidate.fingerprint)) continue;
    const hit = cache[candidate.fingerprint];
    if (hit !== undefined && now() - hit.at < ttl && hit.status !== "unknown") {
      results.set(candidate.fingerprint, { status: hit.status, vendor: hit.vendor, cached: true });
      continue;
    }
    const list = byVendor.get(verifier.vendor) ?? [];
    if (!list.some((c) => c.fingerprint === candidate.fingerprint)) list.push(candidate);
    byVendor.set(verifier.vendor, list);
  }
  let changed = false;
  await Promise.all(
    [...byVendor.values()].map(async (list) => {
      for (let i = 0; i < list.length; i += 1) {
        if (i > 0) await sleep(gap);
        const candidate = list[i] as VerifyCandidate;
        const verifier = VERIFIERS[candidate.detectorId] as Verifier;
        const result = await ask(verifier, candidate.secret, baseUrlOf(verifier, env), timeoutMs);
        results.set(candidate.fingerprint, result);
        if (result.status !== "unknown") {
          cache[candidate.fingerprint] = { status: result.status, vendor: verifier.vendor, at: now() };
          changed = true;
        }
      }
    }),
  );
  if (changed && options.cacheFile !== undefined) writeCache(options.cacheFile, cache);
  return results;
}

async function ask(verifier: Verifier, secret: string, base: string, timeoutMs: number): Promise<VerifyResult> {
  const request = verifier.request(secret);
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method ?? "GET",
      headers: request.headers,
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.text()).slice(0, 64 * 1024);
    if (response.status === 429) return { status: "unknown", vendor: verifier.vendor, reason: "rate limited by the vendor", cached: false };
    const status = verifier.judge(response.status, body);
    return status === "unknown"
      ? { status, vendor: verifier.vendor, reason: `HTTP ${response.status}`, cached: false }
      : { status, vendor: verifier.vendor, cached: false };
  } catch (error) {
    const name = (error as { name?: string }).name;
    const reason = name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs} ms` : "network error";
    return { status: "unknown", vendor: verifier.vendor, reason, cached: false };
  }
}

/**
 * Write the verification outcome into the findings: a live credential stays an error and says
 * so; a revoked one becomes a warning (still to be removed from the repository); an unknown one
 * keeps its severity and says why it could not be checked.
 */
export function annotateFindings(findings: readonly Finding[], results: ReadonlyMap<string, VerifyResult>): Finding[] {
  return findings.map((finding) => {
    const result = finding.fingerprint === undefined ? undefined : results.get(finding.fingerprint);
    if (result === undefined) return finding;
    const base = finding.message.replace(/\.$/, "");
    if (result.status === "live") return { ...finding, severity: "error", message: `${base} — verified: live (${result.vendor} accepted it).` };
    if (result.status === "revoked") return { ...finding, severity: "warn", message: `${base} — verified: revoked (${result.vendor} rejected it); remove it all the same.` };
    return { ...finding, message: `${base} — not verified: ${result.reason ?? "no answer"}.` };
  });
}
