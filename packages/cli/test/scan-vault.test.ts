// `warden scan` and the vault (issue 15, item 4): the committed store's ciphertext is not a
// finding, a value pasted into it by hand is; plaintext .env files are reported with a hint to
// `warden secrets import`, git-ignored ones too once the repository has a vault; templates of
// placeholders are not. One repository for the file (real git, real `warden secrets` processes).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALNUM, githubToken, gitRepo, rand, stripeKey, type TempRepo } from "@warden/test-utils";

interface Report {
  summary: { notes?: string[] };
  findings: { ruleId: string; file: string; line: number; severity: string; message: string; hint?: string }[];
}

let repo: TempRepo;
let keys: string;
const values = { DATABASE_URL: `postgres://app:${rand(ALNUM, 20)}7@db.acme-corp.io:5432/app`, STRIPE_KEY: stripeKey(), GH: githubToken() };

function warden(args: readonly string[], input = ""): { code: number; stdout: string; stderr: string } {
  return repo.warden(args, { input, env: { WARDEN_KEY_DIR: keys } });
}
function scan(): Report {
  const result = warden(["scan", "--format", "json"]);
  expect(result.code, result.stderr).not.toBe(2);
  for (const value of Object.values(values)) expect(result.stdout + result.stderr).not.toContain(value);
  return JSON.parse(result.stdout) as Report;
}

beforeAll(() => {
  repo = gitRepo({ ".gitignore": ".env.local\n.env.development\n" });
  keys = mkdtempSync(path.join(tmpdir(), "warden-keys-"));
  expect(warden(["secrets", "init"]).code).toBe(0);
  expect(warden(["secrets", "set", "DATABASE_URL", "--env", "production"], values.DATABASE_URL).code).toBe(0);
  expect(warden(["secrets", "set", "STRIPE_KEY"], values.STRIPE_KEY).code).toBe(0);
  expect(warden(["secrets", "set", "GH_TOKEN"], values.GH).code).toBe(0);
  repo.commit("chore: vault", { noVerify: true });
});
afterAll(() => {
  repo.cleanup();
  rmSync(keys, { recursive: true, force: true });
});

describe("warden scan and the vault", () => {
  it("does not report the store's ciphertext (which does look random)", () => {
    const store = readFileSync(path.join(repo.dir, ".warden-vault"), "utf8");
    expect(store.split("\n").filter((line) => line.startsWith("value "))).toHaveLength(3);
    expect(scan().findings).toEqual([]);
  });

  it("reports a plaintext value pasted into the store by hand", () => {
    const file = path.join(repo.dir, ".warden-vault");
    const before = readFileSync(file, "utf8");
    try {
      appendFileSync(file, `value default GH_TOKEN2 ${values.GH}\n`);
      const found = scan().findings.filter((f) => f.file === ".warden-vault");
      expect(found.map((f) => f.ruleId)).toContain("secrets/github-pat");
    } finally {
      writeFileSync(file, before);
    }
  });

  it("reports a tracked or git-ignored .env file with secrets, pointing at `warden secrets import`; templates and placeholder files are not reported", () => {
    writeFileSync(path.join(repo.dir, ".env"), `NODE_ENV=production\nAPI_SECRET=${rand(ALNUM, 26)}4\n`);
    writeFileSync(path.join(repo.dir, ".env.local"), `STRIPE_KEY=${values.STRIPE_KEY}\n`);
    writeFileSync(path.join(repo.dir, ".env.development"), "PORT=3000\nAPI_SECRET=${API_SECRET}\nDATABASE_URL=postgres://app:[PASSWORD]@localhost:5432/app\n");
    writeFileSync(path.join(repo.dir, ".env.example"), "API_SECRET=<your-secret>\nSTRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n");
    try {
      const report = scan();
      const envFindings = report.findings.filter((f) => f.ruleId === "secrets/env-file");
      expect(envFindings.map((f) => `${f.file} ${f.severity}`).sort()).toEqual([".env error", ".env.local warn"]);
      for (const finding of envFindings) expect(finding.hint).toContain(`warden secrets import ${finding.file}`);
      expect(report.summary.notes?.join("\n")).toContain("1 git-ignored .env file beside the vault");
      // The .env.local's Stripe key itself is not scanned as content (it is ignored by git): only the file is named.
      expect(report.findings.filter((f) => f.file === ".env.local").map((f) => f.ruleId)).toEqual(["secrets/env-file"]);
    } finally {
      for (const name of [".env", ".env.local", ".env.development", ".env.example"]) rmSync(path.join(repo.dir, name), { force: true });
    }
  });
});

describe("secrets run without the detectors loaded", () => {
  it("still redacts a secret in its own messages (a token pasted as the task name)", () => {
    // Lower-cased: a mixed-case token is already cut to 4 characters by the vault itself (a name of a value's shape).
    const token = githubToken().toLowerCase();
    const result = warden(["secrets", "run", "--task", token, "--", "true"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^warden: task ghp_\*+: has no grant in secrets\.grants\n$/);
    expect(result.stdout + result.stderr).not.toContain(token);
  });
});
