import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { DeployEnvironment, WardenConfig } from "@warden/core";
import { discoverEndpoints, hasParameters, type Endpoint } from "./endpoints.js";
import type { EventDigest } from "./digest.js";
import type { SkippedLine } from "./events.js";
import { collectInventory, type Inventory } from "./inventory.js";
import { MERMAID_MAX_TEXT, packageGraphDiagram, timelineDiagram, topologyDiagram, trendDiagram } from "./mermaid.js";
import { ciMetrics, type ExternalCiFigures } from "./ci-metrics.js";
import { doraMetrics, type Deployment, type Metric } from "./metrics.js";
import type { MonitorSummary } from "./monitor-data.js";

/** An ADR as the plan lists it. */
export interface PlanAdr {
  readonly number: number;
  readonly title: string;
  readonly status: string;
  readonly date: string | undefined;
  readonly file: string;
}

/** Migration files of one environment against what its deploy records say was applied. */
export interface PlanMigrations {
  readonly env: string;
  readonly dir: string;
  readonly files: readonly { readonly name: string; readonly state: "applied" | "pending" | "changed since applied" | "applied, file missing" }[];
  /** The last `migrated` event that ran migrations: when and with which release. */
  readonly lastRun: { readonly at: string; readonly release: string } | undefined;
}

/** Every fact the plan is written from. Gathered by {@link collectPlanFacts}; rendered by {@link renderPlan}. */
export interface PlanFacts {
  readonly config: WardenConfig;
  /** The event log, digested (see readEventDigest / digestEvents). */
  readonly digest: EventDigest;
  /** CI and review figures read from GitHub, when the integration is configured. */
  readonly external?: ExternalCiFigures;
  readonly endpoints: readonly Endpoint[];
  readonly inventory: Inventory;
  readonly migrations: readonly PlanMigrations[];
  readonly adrs: readonly PlanAdr[] | undefined;
  /** Commit → author name, for the deploy history's "by" column when a deploy does not record its user. */
  readonly authors: ReadonlyMap<string, string>;
  /** First commit time of each deployment's change, for the lead time (see doraMetrics). */
  readonly firstCommitAt?: (deployment: Deployment) => string | undefined;
}

/** The marker that opens hand-written section `name`: its text is kept word for word when the plan is regenerated. */
export const MANUAL_START = (name: string): string => `<!-- warden:manual:start ${name} -->`;
/** The marker that closes hand-written section `name`. */
export const MANUAL_END = (name: string): string => `<!-- warden:manual:end ${name} -->`;
const MANUAL_RE = /<!-- warden:manual:start ([\w-]+) -->\n?([\s\S]*?)<!-- warden:manual:end \1 -->/g;

const DAY = 86_400_000;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The text of a table cell: pipes escaped, line breaks flattened. */
function cell(value: string | number | undefined | null): string {
  if (value === undefined || value === null || value === "") return "—";
  return String(value).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(head: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`;
}

/** `2026-03-01T10:00:00.000Z` → `2026-03-01 10:00:00`. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function fence(diagram: string): string {
  if (diagram.length > MERMAID_MAX_TEXT) throw new Error(`a diagram of ${diagram.length} characters is over mermaid's limit`);
  return `\`\`\`mermaid\n${diagram}\`\`\``;
}

function sha256(file: string): string | undefined {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/** Migration files of each environment with `migrate` configured, against `.warden/deploy/<env>/migrations.json` (what the deploys applied). */
export function collectMigrations(root: string, config: WardenConfig, runs: EventDigest["migrationRuns"]): PlanMigrations[] {
  const out: PlanMigrations[] = [];
  for (const name of Object.keys(config.deploy.environments).sort(cmp)) {
    const migrate = config.deploy.environments[name]?.migrate;
    if (migrate === undefined) continue;
    let applied: Record<string, string> = {};
    try {
      const raw: unknown = JSON.parse(readFileSync(path.join(root, ".warden", "deploy", name, "migrations.json"), "utf8"));
      if (typeof raw === "object" && raw !== null) applied = raw as Record<string, string>;
    } catch {
      applied = {};
    }
    const dir = path.join(root, migrate.dir);
    const present = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith(".") && statSync(path.join(dir, n)).isFile()) : [];
    const names = [...new Set([...present, ...Object.keys(applied)])].sort(cmp);
    const files = names.map((file) => {
      const sum = applied[file];
      if (sum === undefined) return { name: file, state: "pending" as const };
      if (!present.includes(file)) return { name: file, state: "applied, file missing" as const };
      return { name: file, state: sha256(path.join(dir, file)) === sum ? ("applied" as const) : ("changed since applied" as const) };
    });
    const ran = runs.get(name);
    out.push({ env: name, dir: migrate.dir, files, lastRun: ran === undefined ? undefined : { at: ran.at, release: ran.release } });
  }
  return out;
}

/**
 * Gather the facts of the plan: the events (read by the caller, corrupt lines already reported),
 * the endpoints in `files`, the inventory, the migrations and the workspace packages.
 */
export async function collectPlanFacts(input: {
  readonly root: string;
  readonly config: WardenConfig;
  readonly digest: EventDigest;
  readonly external?: ExternalCiFigures;
  readonly files: readonly string[];
  readonly packages: readonly { readonly dir: string; readonly name: string | undefined; readonly manifest: Record<string, unknown> }[];
  readonly adrs?: readonly PlanAdr[];
  readonly authors?: ReadonlyMap<string, string>;
  readonly firstCommitAt?: (deployment: Deployment) => string | undefined;
}): Promise<PlanFacts> {
  const read = (file: string): string | undefined => {
    try {
      const full = path.join(input.root, file);
      return statSync(full).size > 2 * 1024 * 1024 ? undefined : readFileSync(full, "utf8");
    } catch {
      return undefined;
    }
  };
  const excluded = input.config.plan.endpoints.exclude.length + input.config.ignore.length === 0 ? undefined : picomatch([...input.config.plan.endpoints.exclude, ...input.config.ignore], { dot: true });
  const files = excluded === undefined ? input.files : input.files.filter((f) => !excluded(f));
  const endpoints = await discoverEndpoints(files, read);
  return {
    config: input.config,
    digest: input.digest,
    ...(input.external === undefined ? {} : { external: input.external }),
    endpoints,
    inventory: collectInventory(files, read, input.packages),
    migrations: collectMigrations(input.root, input.config, input.digest.migrationRuns),
    adrs: input.adrs,
    authors: input.authors ?? new Map(),
    ...(input.firstCommitAt === undefined ? {} : { firstCommitAt: input.firstCommitAt }),
  };
}

/** ISO week label of a UTC instant: `2026-W09`. */
export function isoWeek(ms: number): string {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function metricValue(m: Metric): string {
  return m.value === null ? "not measured" : `${m.value} ${m.unit}`;
}

function verdict(met: boolean | null): string {
  return met === null ? "—" : met ? "met" : "not met";
}

/**
 * Render the plan from its facts: markdown with mermaid diagrams, deterministic (sorted, UTC,
 * windows anchored on the latest event, never on the clock). Hand-written sections of `previous`
 * (between warden:manual markers) are put back in place.
 */
export function renderPlan(facts: PlanFacts, previous?: string): string {
  const { config } = facts;
  const envConfigs = config.deploy.environments;
  const { digest } = facts;
  const reduced = digest;
  const live = digest.live;
  const monitors = digest.monitors;
  const envNames = [...new Set([...Object.keys(envConfigs), ...digest.envs])].sort(cmp);
  const out: string[] = [];
  const push = (...lines: string[]): void => {
    out.push(...lines);
  };

  push(
    "# System plan",
    "",
    "<!-- Generated by `warden plan` from facts: the config, the deploy event log (.warden/events), the code and the repository's files. Everything outside warden:manual markers is rewritten on each run; `warden plan --check` fails when this file is stale. -->",
    "",
    MANUAL_START("notes"),
    "_Hand-written notes go here; `warden plan` keeps this section as it is._",
    MANUAL_END("notes"),
    "",
  );

  // environments
  push("## Environments", "");
  if (envNames.length === 0) push("No deploy environments configured (`deploy.environments`) and no deploy events.", "");
  else {
    const rows = envNames.map((name) => {
      const env = envConfigs[name];
      const deployments = reduced.deployments.filter((d) => d.env === name);
      const last = deployments[deployments.length - 1];
      const liveNow = live.get(name);
      return [
        name,
        env === undefined ? "not configured (events only)" : env.target.type,
        env === undefined ? undefined : environmentAddressLabel(env),
        env?.strategy.type,
        env === undefined ? undefined : `GET ${env.health.url === undefined ? env.health.path : safeUrl(env.health.url)} → ${env.health.expectStatus}`,
        liveNow === undefined ? "none" : `${liveNow.release} (since ${utc(liveNow.since)})`,
        last === undefined ? "none" : `${last.outcome}${last.step === undefined ? "" : ` at ${last.step}`}, ${utc(last.endedAt)}`,
      ];
    });
    push(table(["environment", "target", "address", "strategy", "health check", "live release", "last deploy"], rows), "");
  }

  // deploy history
  push("## Deploy history", "");
  const historyDeployments: Deployment[] = [];
  for (const name of envNames) {
    const deployments = reduced.deployments.filter((d) => d.env === name);
    push(`### ${name}`, "");
    if (deployments.length === 0) {
      push("No deployments yet.", "");
      continue;
    }
    const lastN = deployments.slice(-config.plan.history).reverse();
    historyDeployments.push(...lastN);
    const open = reduced.incidents.filter((i) => i.env === name && i.resolvedAt === undefined);
    const liveNow = live.get(name);
    push(
      `Current state: ${liveNow === undefined ? "nothing live" : `release ${liveNow.release} live since ${utc(liveNow.since)}`}; ${deployments.length} deployments recorded (${deployments.filter((d) => d.outcome === "succeeded").length} succeeded); ${open.length === 0 ? "no open incidents" : `open incidents: ${open.map((i) => `${i.release} (since ${utc(i.openedAt)})`).join(", ")}`}.`,
      "",
    );
    push(
      table(
        ["release", "commit", "outcome", "started (UTC)", "duration", "by"],
        lastN.map((d) => [
          d.release,
          d.commit.slice(0, 10),
          `${d.outcome}${d.step === undefined ? "" : ` at ${d.step}`}${d.unplanned ? " (unplanned)" : ""}`,
          utc(d.startedAt),
          duration(Date.parse(d.endedAt) - Date.parse(d.startedAt)),
          d.user ?? (facts.authors.get(d.commit) === undefined ? undefined : `${facts.authors.get(d.commit)} (commit author)`),
        ]),
      ),
      "",
    );
  }
  if (envNames.length === 0) push("No deployments yet.", "");

  // migrations
  push("## Migrations", "");
  if (facts.migrations.length === 0) push("No environment runs migrations (`deploy.environments.<env>.migrate`).", "");
  for (const m of facts.migrations) {
    const pending = m.files.filter((f) => f.state === "pending").length;
    push(
      `### ${m.env}`,
      "",
      `Folder \`${m.dir}\`: ${m.files.length - pending} applied, ${pending} pending${m.lastRun === undefined ? "; no deploy has run them yet" : `; last run by release ${m.lastRun.release} at ${utc(m.lastRun.at)}`}.`,
      "",
    );
    if (m.files.length > 0) push(table(["file", "state"], m.files.map((f) => [f.name, f.state])), "");
  }

  // endpoints
  push("## Endpoints", "");
  const monitorEnvs = [...monitors.keys()].sort(cmp);
  if (facts.endpoints.length === 0) push("No HTTP endpoints found in the code (Express, Fastify, Hono, Koa router, NestJS, Next.js, node:http).", "");
  else {
    const rows = facts.endpoints.map((e) => {
      const probes = monitorEnvs
        .map((env) => {
          const p = monitors.get(env)?.paths.find((x) => x.path === e.path && (e.method === "GET" || e.method === "ALL"));
          return p === undefined ? undefined : `${env}: ${p.status ?? "no answer"}, p95 ${p.p95 === null ? "—" : `${p.p95} ms`}`;
        })
        .filter((x): x is string => x !== undefined);
      return [e.method, `\`${e.path}\``, e.framework, `${e.file}:${e.line}`, probes.length === 0 ? (e.method === "GET" && hasParameters(e.path) ? "not probed (parameters)" : "no data") : probes.join("; ")];
    });
    push(`${facts.endpoints.length} endpoints found in the code.`, "", table(["method", "path", "framework", "handler", "last probe"], rows), "");
  }

  // monitoring
  push("## Monitoring", "");
  const target = config.plan.monitor.latencyTargetMs;
  if (monitorEnvs.length === 0) push("No monitoring data yet: run `warden monitor ENV`.", "");
  for (const env of monitorEnvs) {
    const m = monitors.get(env) as MonitorSummary;
    push(
      `### ${env}`,
      "",
      `Last run ${utc(m.at)} against release ${m.release}: ${m.requests} requests in ${duration(m.durationMs)}; availability ${m.availability}%, error rate ${m.errorRate}%; latency p50 ${m.p50 ?? "—"} ms, p95 ${m.p95 ?? "—"} ms, p99 ${m.p99 ?? "—"} ms. API standard p95 < ${target} ms: ${m.p95 === null ? "no data" : m.p95 < target ? "met" : "not met"}.`,
      "",
      table(
        ["path", "source", "requests", "errors", "last status", "p50 ms", "p95 ms", "p99 ms", `p95 < ${target} ms`],
        m.paths.map((p) => [`\`${p.path}\``, p.source, p.requests, p.errors, p.status ?? "no answer", p.p50, p.p95, p.p99, p.p95 === null ? "—" : p.p95 < target ? "met" : "not met"]),
      ),
      "",
    );
  }

  // quality metrics
  push("## Quality metrics", "");
  // the window ends the day after the latest event, CI runs included
  const lastCi = digest.ciRuns[digest.ciRuns.length - 1]?.at;
  const latest = lastCi !== undefined && (digest.latestAt === undefined || lastCi > digest.latestAt) ? lastCi : digest.latestAt;
  const until = latest === undefined ? new Date(30 * DAY) : new Date(Math.floor(Date.parse(latest) / DAY) * DAY + DAY);
  const since = new Date(until.getTime() - 30 * DAY);
  const dora = doraMetrics([], { since, until, reduced, ...(facts.firstCommitAt === undefined ? {} : { firstCommitAt: facts.firstCommitAt }) });
  push(
    latest === undefined
      ? "No events yet: the figures below have no data."
      : `Over the 30 days (UTC) ending ${until.toISOString().slice(0, 10)} 00:00, the day after the latest event (CI runs included); all environments. Formulas: docs/guides/delivery-metrics.md in Warden's documentation; \`warden metrics\` shows the event ids.`,
    "",
  );
  const latencies = monitorEnvs.map((env) => monitors.get(env) as MonitorSummary).filter((m) => m.p95 !== null);
  const worstP95 = latencies.length === 0 ? null : Math.max(...latencies.map((m) => m.p95 as number));
  push(
    table(
      ["metric", "value", "target", "status", "basis"],
      [
        ...dora.metrics.map((m) => [m.name, metricValue(m), m.target, verdict(m.met), m.basis]),
        ["API response time (p95, worst environment)", worstP95 === null ? "—" : `${worstP95} ms`, `< ${target} ms`, worstP95 === null ? "—" : verdict(worstP95 < target), latencies.length === 0 ? "no `warden monitor` run yet" : `last \`warden monitor\` run of ${latencies.map((m) => m.env).join(", ")}`],
        ...ciMetrics(digest.ciRuns, { since, until, ...(facts.external === undefined ? {} : { external: facts.external }) }).map((m) => [m.name, metricValue(m), m.target, verdict(m.met), m.basis]),
      ],
    ),
    "",
  );

  // infrastructure
  const inv = facts.inventory;
  push("## Infrastructure", "", "### Workspace packages", "");
  if (inv.packages.length === 0) push("No workspace packages.", "");
  else {
    push(table(["package", "folder", "version", "depends on (workspace)"], inv.packages.map((p) => [p.name, p.dir, p.version, p.dependsOn.join(", ")])), "", fence(packageGraphDiagram(inv.packages)), "");
  }
  push("### Dockerfiles", "");
  push(inv.dockerfiles.length === 0 ? "None." : table(["file", "base images", "exposes", "user", "healthcheck"], inv.dockerfiles.map((d) => [d.file, d.from.join(", "), d.expose.join(", "), d.user ?? "root (no USER)", d.healthcheck ? "yes" : "no"])), "");
  push("### Compose services", "");
  push(inv.compose.length === 0 ? "None." : table(["file", "service", "image / build", "published ports", "depends on", "healthcheck"], inv.compose.map((s) => [s.file, s.name, s.image ?? (s.build === undefined ? undefined : `build ${s.build}`), s.ports.join(", "), s.dependsOn.join(", "), s.healthcheck ? "yes" : "no"])), "");
  push("### Kubernetes manifests", "");
  push(inv.kubernetes.length === 0 ? "None." : table(["file", "kind", "name", "namespace"], inv.kubernetes.map((k) => [k.file, k.kind, k.name, k.namespace ?? "default"])), "");
  push("### CI workflows", "");
  push(inv.workflows.length === 0 ? "None." : table(["file", "name", "triggers", "jobs"], inv.workflows.map((w) => [w.file, w.name, w.triggers.join(", "), w.jobs.join(", ")])), "");
  if (inv.problems.length > 0) push("Files left out because they do not parse:", "", ...inv.problems.map((p) => `- ${p.file}: ${p.reason}`), "");
  push("### Topology", "");
  push(
    fence(
      topologyDiagram({
        environments: envNames
          .filter((n) => envConfigs[n] !== undefined)
          .map((n) => {
            const env = envConfigs[n] as DeployEnvironment;
            return { name: n, target: env.target.type, address: environmentAddressLabel(env), healthPath: env.health.path, live: live.get(n)?.release, endpoints: facts.endpoints.length };
          }),
        compose: inv.compose,
        kubernetes: inv.kubernetes,
      }),
    ),
    "",
  );

  // pictures over time
  push("## Deploy timeline", "", `The last ${config.plan.history} deployments of each environment (failed and rolled back ones marked critical).`, "");
  if (historyDeployments.length === 0) push("No deployments yet.", "");
  else push(fence(timelineDiagram([...historyDeployments].sort((a, b) => cmp(a.startedAt, b.startedAt) || cmp(a.env, b.env)))), "");
  push("## Metric trends", "");
  if (digest.latestAt === undefined) push("No deploy events yet.", "");
  const weeks = 8;
  const weekStarts = Array.from({ length: weeks }, (_, i) => until.getTime() - (weeks - i) * 7 * DAY);
  const perWeek = weekStarts.map((start) => doraMetrics([], { since: new Date(start), until: new Date(start + 7 * DAY), reduced }));
  if (digest.latestAt !== undefined) push(
    "Deployments per week (bars) and distinct failed deployments (line), the 8 weeks up to the metrics window's end:",
    "",
    fence(
      trendDiagram({
        title: "Deployments per week (UTC)",
        labels: weekStarts.map(isoWeek),
        axis: "deployments",
        bars: perWeek.map((w) => w.deployments.length),
        line: perWeek.map((w) => Number(/^(\d+) distinct/.exec(w.metrics.find((m) => m.name === "change fail rate")?.basis ?? "")?.[1] ?? 0)),
      }),
    ),
    "",
  );
  const runs = digest.monitorTrend;
  if (runs.length > 0) {
    push(
      `p95 latency of the last ${runs.length} \`warden monitor\` runs (bars, ms) against the ${target} ms standard (line):`,
      "",
      fence(trendDiagram({ title: "API p95 latency (ms)", labels: runs.map((r) => `${r.env} ${r.at.slice(5, 16).replace("T", " ")}`), axis: "ms", bars: runs.map((r) => r.p95), line: runs.map(() => target) })),
      "",
    );
  } else push("No monitoring runs yet for a latency trend.", "");

  if (facts.adrs !== undefined) {
    push("## Architecture decisions", "");
    push(facts.adrs.length === 0 ? "No records yet." : table(["ADR", "title", "status", "date"], facts.adrs.map((a) => [`[${String(a.number).padStart(4, "0")}](${a.file})`, a.title, a.status, a.date])), "");
  }
  return keepManualSections(`${out.join("\n").replace(/\n+$/, "")}\n`, previous);
}

/** A URL without credentials, query or fragment: what the plan may show of it. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/** Where an environment is reached, from its config alone (hosts and ports, never credentials). */
function environmentAddressLabel(env: DeployEnvironment): string | undefined {
  const target = env.target;
  if (target.type === "local") return target.port === 0 ? "127.0.0.1 (proxy port chosen by the OS)" : `127.0.0.1:${target.port}`;
  if (target.type === "ssh") return `${target.host ?? (target.hosts ?? []).map((h) => h.host).join(", ")}, proxy on 127.0.0.1:${target.port}`;
  if (target.type === "kubernetes") return `${target.name}.${target.namespace}:${target.servicePort}`;
  return env.health.url === undefined ? undefined : safeUrl(env.health.url);
}

/**
 * Put the hand-written sections of `previous` back into `generated`: a section of the same name
 * replaces the template's text; sections the template no longer has are appended at the end, so
 * nothing written by hand is lost.
 */
export function keepManualSections(generated: string, previous: string | undefined): string {
  if (previous === undefined) return generated;
  const kept = new Map<string, string>();
  for (const match of previous.matchAll(MANUAL_RE)) kept.set(match[1] as string, match[2] as string);
  const placed = new Set<string>();
  let text = generated.replace(MANUAL_RE, (whole, name: string) => {
    const body = kept.get(name);
    if (body === undefined) return whole;
    placed.add(name);
    return `${MANUAL_START(name)}\n${body}${MANUAL_END(name)}`;
  });
  const rest = [...kept.keys()].filter((name) => !placed.has(name)).sort(cmp);
  if (rest.length > 0) {
    text = `${text}\n## Kept hand-written sections\n\n${rest.map((name) => `${MANUAL_START(name)}\n${kept.get(name) ?? ""}${MANUAL_END(name)}`).join("\n\n")}\n`;
  }
  return text;
}

/** Why `current` is not `expected`: the first section that differs, in one line; undefined when they are the same. */
export function staleReason(file: string, current: string | undefined, expected: string): string | undefined {
  if (current === undefined) return `${file} does not exist; run \`warden plan\``;
  if (current === expected) return undefined;
  const a = current.split("\n");
  const b = expected.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  let section = "the title";
  for (let j = Math.min(i, b.length - 1); j >= 0; j -= 1) {
    const heading = /^#{2,3} (.+)$/.exec(b[j] ?? "");
    if (heading !== null) {
      section = `"${heading[1]}"`;
      break;
    }
  }
  return `${file} is stale: ${section} differs from the facts (line ${i + 1}); run \`warden plan\``;
}

/**
 * The plan's lines that the code and the repository's files alone decide, each with its line number
 * (1-based): the endpoint list without its probe column, the infrastructure inventory without the
 * topology (which shows live releases), and the ADR table. A fresh checkout without the deploy
 * event log gives the same lines as the checkout that deployed, so `warden plan --check --code`
 * can gate a pull request.
 */
export function codeDerivedLines(text: string): Array<{ readonly line: number; readonly text: string; readonly section: string }> {
  const out: Array<{ line: number; text: string; section: string }> = [];
  let section = "";
  let sub = "";
  let inManual = false;
  text.split("\n").forEach((raw, index) => {
    if (/^<!-- warden:manual:start /.test(raw)) inManual = true;
    if (inManual) {
      if (/^<!-- warden:manual:end /.test(raw)) inManual = false;
      return;
    }
    const h2 = /^## (.+)$/.exec(raw);
    if (h2 !== null) {
      section = h2[1] ?? "";
      sub = "";
    }
    const h3 = /^### (.+)$/.exec(raw);
    if (h3 !== null) sub = h3[1] ?? "";
    let kept: string | undefined;
    if (section === "Endpoints") {
      // a table row loses its last cell (the last probe, from monitor events)
      kept = /^\|.*\|$/.test(raw) ? raw.replace(/\|[^|]*\|$/, "|") : raw;
    } else if (section === "Infrastructure" && sub !== "Topology") kept = raw;
    else if (section === "Architecture decisions") kept = raw;
    if (kept !== undefined) out.push({ line: index + 1, text: kept, section: sub === "" || section !== "Infrastructure" ? section : `${section} / ${sub}` });
  });
  return out;
}

/** Why the code-derived lines of `current` are not those of `expected` (see {@link codeDerivedLines}); undefined when they agree. */
export function codeStaleReason(file: string, current: string | undefined, expected: string): string | undefined {
  if (current === undefined) return `${file} does not exist; run \`warden plan\``;
  const a = codeDerivedLines(current);
  const b = codeDerivedLines(expected);
  let i = 0;
  while (i < a.length && i < b.length && a[i]?.text === b[i]?.text) i += 1;
  if (i === a.length && i === b.length) return undefined;
  const at = a[i] ?? a[a.length - 1];
  const section = (b[i] ?? a[i] ?? b[b.length - 1])?.section ?? "the plan";
  return `${file} is stale: "${section}" differs from the code${at === undefined ? "" : ` (line ${at.line})`}; run \`warden plan\``;
}

/** The skipped event lines as report lines (`file:line: skipped (reason)`). */
export function describeSkippedLines(skipped: readonly SkippedLine[]): string[] {
  return skipped.map((s) => `${s.file}:${s.line}: skipped (${s.reason})`);
}
