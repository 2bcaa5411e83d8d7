import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsKeyId, ecKey, filesUnder, githubToken, gitRepo, leaksIn, password, rand, slackToken, stripeKey, type TempRepo } from "@warden/test-utils";

// Plant secrets of several formats in the work tree, the index and history, run every output
// format of every scan mode (plus the baseline writer and the pre-commit hook), and search
// everything Warden wrote — stdout, stderr and files — for the secrets. Zero hits allowed.

let repo: TempRepo;
const secrets: string[] = [];

beforeAll(() => {
  const token = githubToken();
  const key = awsKeyId();
  const awsSecret = `${rand("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36)}a/B3`;
  const stripe = stripeKey();
  const slack = slackToken();
  const ec = ecKey();
  const pw = password();
  const old = githubToken();
  secrets.push(token, key, awsSecret, stripe, slack, ec.body.replace(/\n/g, ""), pw, old);
  repo = gitRepo({ "README.md": "# demo\n" });
  repo.commit("chore: init");
  repo.write({ "history.ts": `export const old = "${old}";\n` });
  repo.commit("feat: old secret");
  repo.write({ "history.ts": "export const old = 0;\n" });
  repo.commit("fix: remove it");
  repo.write({
    "src/github.ts": `export const token = "${token}";\n`,
    "deploy/aws.ini": `[default]\naws_access_key_id = ${key}\naws_secret_access_key = ${awsSecret}\n`,
    "src/pay.py": `stripe.api_key = "${stripe}"\n`,
    "ops/slack.yml": `token: ${slack}\n`,
    "keys/ec.txt": ec.block,
    "app.ini": `DB_PASSWORD=${pw}\n`,
  });
  repo.git(["add", "-A"]);
});

afterAll(() => repo.cleanup());

/** The fragments of the planted secrets in `text` (a redaction may show 4 characters, never a run of 8). */
function leaks(text: string): string[] {
  return leaksIn(text, secrets);
}

describe("no output of warden scan contains a found secret", () => {
  it.each(["pretty", "json", "sarif", "github"])("--format %s, every mode", (format) => {
    for (const mode of [[], ["--staged"], ["--history"], ["--range", "HEAD~2..HEAD"]]) {
      const result = repo.warden(["scan", ...mode, "--format", format], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
      expect(result.code, `${mode.join(" ")} ${result.stderr}`).toBe(1);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(leaks(result.stdout)).toEqual([]);
      expect(leaks(result.stderr)).toEqual([]);
    }
  });

  it("finds every planted secret (so the zero-leak result means something)", () => {
    const result = repo.warden(["scan", "--format", "json"]);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual([
      "secrets/aws-access-key-id",
      "secrets/aws-secret-access-key",
      "secrets/generic-secret-assignment",
      "secrets/github-pat",
      "secrets/private-key-ec",
      "secrets/slack-bot-token",
      "secrets/stripe-secret-key",
    ]);
    const history = JSON.parse(repo.warden(["scan", "--history", "--format", "json"]).stdout) as { findings: { file: string }[] };
    expect(history.findings.map((f) => f.file)).toEqual(["history.ts"]);
  });

  it("the baseline file, the hook output and the files Warden wrote hold no secret either", () => {
    const before = new Set(filesUnder(repo.dir, { skip: [".git"] }));
    const update = repo.warden(["scan", "--update-baseline"]);
    expect(update.code).toBe(0);
    const hook = repo.warden(["hook", "pre-commit"]);
    expect(leaks(update.stdout + update.stderr + hook.stdout + hook.stderr)).toEqual([]);
    const written = filesUnder(repo.dir, { skip: [".git"] }).filter((file) => !before.has(file));
    expect(written.map((file) => path.relative(repo.dir, file))).toContain(".secrets-baseline.json");
    for (const file of written) expect(leaks(readFileSync(file, "latin1")), file).toEqual([]);
    const internal = filesUnder(path.join(repo.dir, ".git")).filter((file) => /warden/i.test(file));
    for (const file of internal) expect(leaks(readFileSync(file, "latin1")), file).toEqual([]);
  });
});
