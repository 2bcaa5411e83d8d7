import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitRepo, runAsync, type RunResult, type TempRepo } from "@warden/test-utils";

// The turbo remote cache that docs/guides/adopting.md and the generated workflow's header describe:
// a self-hosted server from npm (turborepo-remote-cache, local storage) on 127.0.0.1 with a token,
// and turbo 2 pointed at it through TURBO_API / TURBO_TOKEN / TURBO_TEAM, as the workflow's `env:` does.

const require = createRequire(import.meta.url);
const SERVER_CLI = path.join(path.dirname(require.resolve("turborepo-remote-cache/package.json")), "dist/cli.js");
const TURBO_BIN = require.resolve("turbo/bin/turbo");
const TOKEN = "turbo-cache-test-token";
const TEAM = "team_warden";

/** The pnpm that runs the tasks (turbo 2 wants a `packageManager` field; a different version would make pnpm switch). */
const PNPM_VERSION = /\bpnpm\/(\d+\.\d+\.\d+)/.exec(process.env.npm_config_user_agent ?? "")?.[1] ?? execFileSync("pnpm", ["--version"], { encoding: "utf8" }).trim();

const BUILD = (name: string): string =>
  `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/${name}.txt','built ${name}')"`;

let server: ChildProcess | undefined;
let apiUrl: string;
let storage: string;
let repo: TempRepo;

/** Start the cache server on an OS-chosen port of 127.0.0.1; resolves with its URL from its "listening" log line. */
function startServer(): Promise<string> {
  const child = spawn(process.execPath, [SERVER_CLI], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      TURBO_TOKEN: TOKEN,
      STORAGE_PROVIDER: "local",
      STORAGE_PATH: storage,
      STORAGE_PATH_USE_TMP_FOLDER: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer): void => {
      log += chunk.toString("utf8");
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
      if (url !== undefined) resolve(url);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`turborepo-remote-cache exited (${code}) before listening:\n${log}`)));
  });
}

function turbo(args: readonly string[]): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("TURBO_")) env[key] = value;
  return runAsync(process.execPath, [TURBO_BIN, ...args], {
    cwd: repo.dir,
    env: { ...env, TURBO_API: apiUrl, TURBO_TOKEN: TOKEN, TURBO_TEAM: TEAM, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", TURBO_NO_UPDATE_NOTIFIER: "1" },
  });
}

interface TaskSummary {
  readonly taskId: string;
  readonly hash: string;
  readonly cache: { readonly status: string; readonly source?: string; readonly local: boolean; readonly remote: boolean };
}

/** The tasks of the newest `--summarize` run summary (turbo writes one JSON file per run into .turbo/runs). */
function lastSummary(): TaskSummary[] {
  const runs = path.join(repo.dir, ".turbo/runs");
  const files = readdirSync(runs).sort();
  const summary = JSON.parse(readFileSync(path.join(runs, files[files.length - 1] ?? ""), "utf8")) as { tasks: TaskSummary[] };
  return [...summary.tasks].sort((a, b) => a.taskId.localeCompare(b.taskId));
}

/** What a fresh CI runner has: no local turbo cache and no build outputs. */
function wipeLocal(): void {
  for (const dir of [".turbo", "packages/a/dist", "packages/b/dist"]) rmSync(path.join(repo.dir, dir), { recursive: true, force: true });
}

beforeAll(async () => {
  storage = mkdtempSync(path.join(tmpdir(), "warden-turbo-cache-"));
  const listening = startServer(); // boots while the workspace is written
  repo = gitRepo({
    "package.json": JSON.stringify({ name: "two-packages", private: true, packageManager: `pnpm@${PNPM_VERSION}` }),
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
    "turbo.json": JSON.stringify({ tasks: { build: { dependsOn: ["^build"], outputs: ["dist/**"] } } }),
    ".gitignore": ".turbo\ndist\nnode_modules\n",
    "packages/a/package.json": JSON.stringify({ name: "a", version: "1.0.0", scripts: { build: BUILD("a") } }),
    "packages/b/package.json": JSON.stringify({ name: "b", version: "1.0.0", dependencies: { a: "workspace:*" }, scripts: { build: BUILD("b") } }),
  });
  repo.commit("chore: two packages", { noVerify: true });
  apiUrl = await listening;
}, 60_000); // the server loads its cloud storage SDKs at start: slow on a loaded machine

afterAll(async () => {
  const child = server;
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  repo?.cleanup();
  rmSync(storage, { recursive: true, force: true });
});

describe("turbo remote cache on a self-hosted turborepo-remote-cache server", () => {
  it("a build on one machine is a remote cache hit on a machine with an empty local cache", async () => {
    const first = await turbo(["run", "build", "--summarize"]);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const built = lastSummary();
    expect(built.map((t) => [t.taskId, t.cache.status])).toEqual([
      ["a#build", "MISS"],
      ["b#build", "MISS"],
    ]);
    // the server stored both artifacts for the team, under the task hashes
    expect(readdirSync(path.join(storage, TEAM)).sort()).toEqual(built.map((t) => t.hash).sort());

    wipeLocal();
    const second = await turbo(["run", "build", "--summarize"]);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain("FULL TURBO");
    expect(lastSummary().map((t) => [t.taskId, t.hash, t.cache.status, t.cache.source, t.cache.local, t.cache.remote])).toEqual(
      built.map((t) => [t.taskId, t.hash, "HIT", "REMOTE", false, true]),
    );
    // the outputs came back from the remote artifacts, not from running the scripts
    expect(readFileSync(path.join(repo.dir, "packages/b/dist/b.txt"), "utf8")).toBe("built b");
    expect(second.stdout).not.toMatch(/cache miss/);
  }, 60_000); // two turbo runs, each starting pnpm per task

  it("the server refuses an artifact to a wrong token (after the build above stored them)", async () => {
    const [hash] = readdirSync(path.join(storage, TEAM));
    expect(hash).toBeDefined();
    const url = `${apiUrl}/v8/artifacts/${hash ?? ""}?slug=${TEAM}`;
    const wrong = await fetch(url, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect((await right.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
