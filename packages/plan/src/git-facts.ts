import { execFileSync } from "node:child_process";
import type { Deployment } from "./metrics.js";

const SHA = /^[0-9a-f]{7,64}$/;

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/** The author name of each commit git knows (one `git show` per distinct commit; unknown ones are left out). */
export function commitAuthors(root: string, commits: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const commit of new Set(commits)) {
    if (!SHA.test(commit)) continue;
    const name = git(root, ["show", "-s", "--format=%an", commit, "--"])?.trim();
    if (name !== undefined && name !== "") out.set(commit, name);
  }
  return out;
}

/**
 * The first commit time of each successful deployment's change, for all of them at once: one
 * `git cat-file` and one `git log` call, then one walk per environment in which every commit is
 * visited once (linear in history). A deployment's change is the commits reachable from its commit
 * and from no earlier successful deployment of its environment; its start is the earliest author
 * date among them. Keyed by {@link deploymentKey}.
 */
export function changeStartTimes(root: string, deployments: readonly Deployment[]): Map<string, string> {
  const out = new Map<string, string>();
  const succeeded = deployments.filter((d) => d.outcome === "succeeded" && SHA.test(d.commit));
  if (succeeded.length === 0) return out;
  const asked = [...new Set(succeeded.map((d) => d.commit))];
  let known: string;
  try {
    known = execFileSync("git", ["cat-file", "--batch-check=%(objectname) %(objecttype)"], { cwd: root, encoding: "utf8", input: `${asked.join("\n")}\n`, stdio: ["pipe", "pipe", "ignore"], maxBuffer: 1 << 28 });
  } catch {
    return out;
  }
  const full = new Map<string, string>();
  known.split("\n").forEach((line, i) => {
    const [sha, type] = line.split(" ");
    if (type === "commit" && sha !== undefined && asked[i] !== undefined) full.set(asked[i] as string, sha);
  });
  if (full.size === 0) return out;
  let log: string;
  try {
    log = execFileSync("git", ["log", "--stdin", "--format=%H %at %P"], { cwd: root, encoding: "utf8", input: `${[...new Set(full.values())].join("\n")}\n`, stdio: ["pipe", "pipe", "ignore"], maxBuffer: 1 << 30 });
  } catch {
    return out;
  }
  const graph = new Map<string, { time: number; parents: string[] }>();
  for (const line of log.split("\n")) {
    const [sha, time, ...parents] = line.split(" ");
    if (sha !== undefined && sha !== "" && time !== undefined) graph.set(sha, { time: Number(time), parents: parents.filter((p) => p !== "") });
  }
  const byEnv = new Map<string, Deployment[]>();
  for (const d of succeeded) {
    const list = byEnv.get(d.env);
    if (list === undefined) byEnv.set(d.env, [d]);
    else list.push(d);
  }
  for (const list of byEnv.values()) {
    const visited = new Set<string>();
    for (const d of [...list].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))) {
      const start = full.get(d.commit);
      if (start === undefined) continue;
      let earliest = Number.POSITIVE_INFINITY;
      const stack = [start];
      while (stack.length > 0) {
        const sha = stack.pop() as string;
        if (visited.has(sha)) continue;
        visited.add(sha);
        const node = graph.get(sha);
        if (node === undefined) continue;
        earliest = Math.min(earliest, node.time);
        stack.push(...node.parents);
      }
      // nothing new (a redeploy of a deployed commit): the change is the commit itself
      const time = Number.isFinite(earliest) ? earliest : graph.get(start)?.time;
      if (time !== undefined) out.set(deploymentKey(d), new Date(time * 1000).toISOString());
    }
  }
  return out;
}

/** A deployment's identity: environment, release and start. */
export function deploymentKey(d: Pick<Deployment, "env" | "release" | "startedAt">): string {
  return `${d.env}\0${d.release}\0${d.startedAt}`;
}
