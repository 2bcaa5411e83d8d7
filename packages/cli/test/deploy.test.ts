import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** A repo whose only environment uses the command target: deploys append to deploys.log. */
function commandRepo(healthy: boolean): TempRepo {
  const repo = gitRepo();
  repos.push(repo);
  const log = path.join(repo.dir, ".warden", "deploys.log");
  repo.write({
    ".gitignore": ".warden/\n",
    "warden.config.json": JSON.stringify({
      deploy: {
        environments: {
          web: {
            target: {
              type: "command",
              deploy: `mkdir -p .warden && echo "deploy $WARDEN_RELEASE" >> ${log}`,
              health: healthy ? "true" : "echo 'app answers 502' >&2; exit 1",
              rollback: `echo "rollback $WARDEN_ROLLBACK_TO" >> ${log}`,
            },
            preflight: { cleanTree: true, check: false, scan: false },
            build: false,
          },
        },
      },
    }),
  });
  repo.commit("chore: config", { noVerify: true });
  return repo;
}

describe("warden deploy, releases, rollback", () => {
  it("deploys the only environment by default, lists releases, and rolls back by hand", () => {
    const repo = commandRepo(true);
    const first = repo.warden(["deploy"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^deployed (\S+) to web\n$/);
    const second = repo.warden(["deploy", "web"]);
    expect(second.code).toBe(0);
    const [firstId, secondId] = [first, second].map((r) => /^deployed (\S+)/.exec(r.stdout)?.[1] ?? "");

    const list = repo.warden(["releases", "web"]);
    expect(list.code).toBe(0);
    const rows = list.stdout.split("\n").filter(Boolean).map((line) => /^([* ]) (\S+)/.exec(line)?.slice(1, 3).join(" "));
    expect(rows).toEqual([`* ${secondId}`, `  ${firstId}`]);

    const back = repo.warden(["rollback", "web"]);
    expect(back).toMatchObject({ code: 0, stdout: `rolled web back to ${firstId}\n` });
    const json = JSON.parse(repo.warden(["releases", "web", "--json"]).stdout) as { release: string; live: boolean }[];
    expect(json.find((r) => r.live)?.release).toBe(firstId);
  });

  it("shows the status of an environment: live release, lock, last events", () => {
    const repo = commandRepo(true);
    const first = repo.warden(["deploy"]);
    const id = /^deployed (\S+)/.exec(first.stdout)?.[1] ?? "";
    const shown = repo.warden(["status", "web"]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`  live      ${id}\n`);
    expect(shown.stdout).toContain("  lock      free\n");
    expect(shown.stdout).toMatch(/ {2}event {5}\S+Z {2}unlocked \(unlock\) {2}\S+\n$/);
    const json = JSON.parse(repo.warden(["status", "web", "--json"]).stdout) as { live: string; ok: boolean; lock: unknown };
    expect(json).toMatchObject({ live: id, ok: true, lock: null });
  });

  it("exits 1 with the failing step and reason when the new version is rolled back", () => {
    const repo = commandRepo(false);
    const result = repo.warden(["deploy", "web"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^deploy of \S+ to web rolled back at step health: `.*` exited 1: app answers 502\nthe previous release keeps serving\n$/);
  });

  it("reports usage errors in one line with exit code 2", () => {
    const repo = commandRepo(true);
    expect(repo.warden(["rollback", "web", "--to", "nope"])).toMatchObject({ code: 2, stderr: 'warden: release nope of "web" does not exist (see warden releases web)\n' });
    expect(repo.warden(["releases", "prod"])).toMatchObject({ code: 2, stderr: 'warden: unknown environment "prod" (configured: web)\n' });
    expect(repo.warden(["deploy", "--strategy", "yolo"]).code).toBe(2);
  });
});
