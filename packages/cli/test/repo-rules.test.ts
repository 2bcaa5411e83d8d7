import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const ENV = { WARDEN_DAEMON: "0" };
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface Report {
  findings: { ruleId: string; file: string; line: number; message: string }[];
}

const QUIET = JSON.stringify({
  rules: { "waste/unused-files": "off", "waste/unused-exports": "off", "docs/exported-api-documented": "off", "deps/lockfile": "off" },
});

function repo(files: Record<string, string>): TempRepo {
  const r = gitRepo({ "warden.config.json": QUIET, ...files });
  repos.push(r);
  expect(r.commit("chore: start", { noVerify: true }).code).toBe(0);
  return r;
}

function findings(r: TempRepo, args: string[]): Report["findings"] {
  return (JSON.parse(r.warden(["check", ...args, "--format", "json"], { env: ENV }).stdout) as Report).findings;
}

describe("repository rules in checks of changes read the state being checked", () => {
  it("a staged check sees files deleted, added and untouched in the index (HEAD plus the staged changes)", () => {
    const r = repo({ "docs/kept.md": "# Kept\n", "docs/gone.md": "# Gone\n", "guide/only.md": "# Only\n" });
    r.git(["rm", "-q", "docs/gone.md", "guide/only.md"]);
    r.write({
      "docs/new.md": "# New\n",
      "README.md": "# App\n\n[kept](docs/kept.md) [gone](docs/gone.md) [new](docs/new.md) [folder](docs) [emptied](guide)\n",
    });
    r.git(["add", "README.md", "docs/new.md"]);
    const broken = findings(r, ["--staged"]).filter((f) => f.ruleId === "docs/links-resolve");
    expect(broken.map((f) => f.message).join("\n")).toContain("docs/gone.md");
    expect(broken.map((f) => f.message).join("\n")).toContain("guide");
    expect(broken).toHaveLength(2);
  });

  it("a staged check compares the staged package.json, not the work tree's", () => {
    const r = repo({ "package.json": JSON.stringify({ name: "app", version: "1.0.0" }, null, 2) });
    r.write({ "src/a.ts": 'import { z } from "zod";\n\nexport const s = z.string();\n' });
    r.git(["add", "src/a.ts"]);
    r.write({ "package.json": JSON.stringify({ name: "app", version: "1.0.0", dependencies: { zod: "4.1.0" } }, null, 2) });
    const staged = findings(r, ["--staged"]);
    expect(staged.map((f) => [f.ruleId, f.file, f.line])).toEqual([["deps/no-phantom-dependencies", "src/a.ts", 1]]);
    r.git(["add", "package.json"]);
    expect(findings(r, ["--staged"])).toEqual([]);
  });

  it("a staged Compose file is compared with the committed ones for ports published twice", () => {
    const service = (name: string) =>
      `services:\n  ${name}:\n    image: example/${name}:1.0.0\n    ports:\n      - "8080:8080"\n    healthcheck:\n      test: ["CMD", "true"]\n    mem_limit: 128m\n    cpus: 0.5\n`;
    const r = repo({ "compose.yaml": service("api"), "docs/ports.md": "| port | service |\n| --- | --- |\n| 8080 | api |\n" });
    r.write({ "compose.dev.yaml": service("web") });
    r.git(["add", "compose.dev.yaml"]);
    const staged = findings(r, ["--staged"]);
    expect(staged.map((f) => [f.ruleId, f.file, f.message])).toEqual([
      ["compose/ports", "compose.dev.yaml", "Port 8080 is already published by compose.yaml (api)."],
    ]);
  });

  it("check --range reports commit messages and unauthorised changes to protected paths", () => {
    const r = repo({ "README.md": "# Demo\n" });
    r.write({ ".mcp.json": "{}\n" });
    expect(r.commit("Add MCP servers", { noVerify: true }).code).toBe(0);
    const run = r.warden(["check", "--range", "HEAD~1..HEAD", "--format", "json"], { env: ENV });
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stdout) as Report).findings.map((f) => [f.ruleId, f.file]);
    expect(found).toEqual([
      ["protect/protected-paths", ".mcp.json"],
      ["commits/conventional", expect.stringMatching(/^commit:[0-9a-f]{12}$/)],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));

    r.write({ ".mcp.json": '{ "servers": {} }\n' });
    expect(r.commit("chore(mcp): add servers\n\nAuthorized-by: Dana Lead <dana@example.com>", { noVerify: true }).code).toBe(0);
    expect(r.warden(["check", "--range", "HEAD~1..HEAD"], { env: ENV }).code).toBe(0);
    expect(r.warden(["check", "--range", "nonsense"], { env: ENV }).code).toBe(2);
  });
});
