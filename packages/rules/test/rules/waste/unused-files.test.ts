import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "waste/unused-files";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([["packages/app/src/old-greet.ts", 1, 1, "unused"]]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 13 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("assumes every file is used in a package whose manifest names no entry point", async () => {
    const files = { "src/a.ts": 'import "./b.js";\n', "src/b.ts": "export const b = 1;\n", "src/c.ts": "export const c = 1;\n" };
    expect(await runRule(RULE, files, undefined, { mode: "full" })).toEqual([]);
    const declared = { ...files, "package.json": JSON.stringify({ name: "app", main: "src/a.ts" }) };
    expect(locations(await runRule(RULE, declared, undefined, { mode: "full" }))).toEqual([["src/c.ts", 1, 1, "unused"]]);
  });

  it("takes files a package publishes beside its module tree as used (kit's adapter templates), not its src/ or entry folder", async () => {
    const files = {
      "package.json": JSON.stringify({ name: "adapter", main: "index.js", files: ["index.js", "files", "files-edge/worker.js", "src", "lib"] }),
      "index.js": "export default function adapter() {}\n",
      "files/serverless.js": "import { Server } from 'SERVER';\nexport { Server };\n",
      "files-edge/worker.js": "export default {};\n",
      "src/unused.js": "export const u = 1;\n",
      "lib/index.js": "export const l = 1;\n",
    };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([
      ["lib/index.js", 1, 1, "unused"],
      ["src/unused.js", 1, 1, "unused"],
    ]);
  });

  it("follows modules named to be loaded by path: require.resolve and import.meta.resolve, with or without an extension", async () => {
    const files = {
      "package.json": JSON.stringify({ name: "runner", main: "src/index.ts" }),
      "src/index.ts": 'import { a } from "./a.js";\nexport const pool = new Pool(require.resolve(/* bundlers: leave it */ "./worker"));\nexport const b = import.meta.resolve("./b-worker.js");\nexport { a };\n',
      "src/a.ts": "export const a = 1;\n",
      "src/worker.ts": "export function run() {}\n",
      "src/b-worker.ts": "export function run() {}\n",
      "src/unused.ts": "export const u = require.resolved;\n",
    };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([["src/unused.ts", 1, 1, "unused"]]);
  });

  it("takes a build script's esbuild entryPoints relative to the package, where the script runs", async () => {
    const files = {
      "package.json": JSON.stringify({ name: "cli", main: "dist/cli.js", scripts: { build: "node scripts/build.mjs" } }),
      "scripts/build.mjs": 'import { build } from "esbuild";\nawait build({ entryPoints: { cli: "src/cli.ts", "server-worker": "src/server/worker.ts" }, outdir: "dist" });\nawait build({ entryPoints: ["src/fast.ts"], outfile: "dist/fast.cjs" });\n',
      "src/cli.ts": "export const cli = 1;\n",
      "src/server/worker.ts": "export const worker = 1;\n",
      "src/fast.ts": "export const fast = 1;\n",
      "src/left-over.ts": "export const left = 1;\n",
    };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([["src/left-over.ts", 1, 1, "unused"]]);
  });

  it("takes extra entry points and ignores from its options", async () => {
    expect(await checkFixture(RULE, "bad", { entry: ["packages/app/src/old-*.ts"] })).toEqual([]);
    expect(await checkFixture(RULE, "bad", { ignore: ["**/old-greet.ts"] })).toEqual([]);
  });

  it("knows a real monorepo's entry points: exports into build output (tsconfig rootDir/outDir), tsup entries, package imports, tsconfig paths, Next.js, Vite index.html and Vue, Docusaurus, VitePress, Vitest and Playwright configs, static assets in public/", async () => {
    expect(await checkFixture(RULE, "monorepo-good")).toEqual([]);
  });

  it("still reports the truly unused files beside them, and not a file whose only importer is itself unused", async () => {
    expect(locations(await checkFixture(RULE, "monorepo-bad"))).toEqual([
      ["packages/lib/code/old-format.ts", 1, 1, "unused"],
      ["packages/web/src/components/banner.tsx", 1, 1, "unused"],
    ]);
  });

  it("reports one file of an import cycle nothing reaches", async () => {
    const files = {
      "package.json": JSON.stringify({ name: "app", main: "src/a.ts" }),
      "src/a.ts": "export const a = 1;\n",
      "src/b.ts": 'import { c } from "./c.js";\n\nexport const b = c;\n',
      "src/c.ts": 'import { b } from "./b.js";\n\nexport const c = () => b;\n',
    };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([["src/b.ts", 1, 1, "unused"]]);
  });
});
