import { createLogger, didYouMean, loadConfig, repoRoot, walkFiles, WardenError } from "@warden/core";
import type { Io } from "../io.js";

/** `warden monitor ENV [--duration 60s] [--rate N]`: probe the live environment and record a `monitor` event. */
export async function monitorCommand(io: Io, env: string, options: { readonly duration?: string; readonly rate?: string; readonly config?: string }): Promise<number> {
  const plan = await import("@warden/plan");
  const durationMs = plan.parseDuration(options.duration ?? "60s");
  const rate = plan.parseRate(options.rate ?? "10");
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  const names = Object.keys(config.deploy.environments);
  const chosen = config.deploy.environments[env];
  if (chosen === undefined) {
    const guess = didYouMean(env, names);
    throw new WardenError("USAGE", `unknown environment "${env}"${guess === undefined ? "" : ` — did you mean "${guess}"?`} (configured: ${names.join(", ") || "none"})`);
  }
  // streamed: only the digest of the environment's log is held
  const { digest, skipped } = plan.readEventDigest(root, { env });
  for (const line of plan.describeSkippedLines(skipped)) io.stderr.write(`warden: ${line}\n`);
  const live = digest.live.get(env);
  if (live === undefined) throw new WardenError("USAGE", `nothing is live in ${env}: deploy it first (warden deploy ${env})`);
  const commit = digest.deployments.find((d) => d.release === live.release)?.commit ?? "";

  // the environment's own address, and nothing else
  let base: string;
  if (chosen.target.type === "local") {
    const { status } = await import("@warden/deploy");
    const report = await status({ root, env, config: chosen, logger: createLogger({ stream: io.stderr, prefix: "warden monitor" }), events: 0 });
    if (report.proxy === null || report.proxy === undefined) throw new WardenError("USAGE", `the proxy of ${env} is not running (see warden status ${env})`);
    base = `http://127.0.0.1:${report.proxy.port}`;
  } else if (chosen.health.url !== undefined) {
    base = new URL(chosen.health.url).origin;
  } else {
    throw new WardenError("USAGE", `${env} (${chosen.target.type} target) has no address Warden can reach from here: set deploy.environments.${env}.health.url`);
  }

  const targets = new Map<string, "health" | "endpoint" | "configured">();
  targets.set(chosen.health.url === undefined ? chosen.health.path : new URL(chosen.health.url).pathname, "health");
  for (const p of config.plan.monitor.paths) if (!targets.has(p)) targets.set(p, "configured");
  const { readFileSync } = await import("node:fs");
  const path = await import("node:path");
  const endpoints = await plan.discoverEndpoints(await walkFiles(root), (file) => {
    try {
      return readFileSync(path.join(root, file), "utf8");
    } catch {
      return undefined;
    }
  });
  for (const e of endpoints) if ((e.method === "GET" || e.method === "ALL") && !plan.hasParameters(e.path) && !targets.has(e.path)) targets.set(e.path, "endpoint");
  const list = [...targets].map(([p, source]) => ({ path: p, source })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  io.stderr.write(`warden monitor: probing ${list.length} paths of ${env} (${base}) for ${durationMs / 1000} s at up to ${rate} requests/s\n`);
  const result = await plan.runMonitor({ base, targets: list, durationMs, rate, timeoutMs: chosen.health.timeoutMs, healthStatus: chosen.health.expectStatus });
  const target = config.plan.monitor.latencyTargetMs;
  const event = plan.appendMonitorEvent(root, { env, release: live.release, commit, result, latencyTargetMs: target });
  const met = result.p95 !== null && result.p95 < target;
  io.stdout.write(
    `${env} (release ${live.release}): ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s; availability ${result.availability}%, error rate ${result.errorRate}%; p50 ${result.p50 ?? "—"} ms, p95 ${result.p95 ?? "—"} ms, p99 ${result.p99 ?? "—"} ms; p95 < ${target} ms ${met ? "met" : "NOT met"}\n`,
  );
  for (const p of result.paths) io.stdout.write(`  ${p.path.padEnd(32)} ${String(p.status ?? "no answer").padEnd(9)} ${p.requests} requests, ${p.errors} errors, p95 ${p.p95 ?? "—"} ms  (${p.source})\n`);
  io.stdout.write(`recorded as event ${event.id} in .warden/events/${env}.jsonl\n`);
  return met && result.errors === 0 ? 0 : 1;
}
