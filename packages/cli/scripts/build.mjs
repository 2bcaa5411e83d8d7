#!/usr/bin/env node
// Bundles the CLI into dist/ with esbuild: one small entry plus lazily loaded chunks, so
// `warden check --staged` loads only what it needs. ts-morph and jiti stay external and are
// imported on demand. Everything else (the @warden/* packages, commander, zod, yaml, octokit, …) is inside
// the bundle, so the published package depends only on what stays external.
// It also writes dist/index.d.ts, the types of `import { defineConfig } from "@warden/cli"`, with
// the config type spelled out in full (no import of @warden/core or zod, which are not installed).
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/build.mjs\nBundles src/cli.ts, src/index.ts and the fast starts (dist/secrets-run.cjs, dist/scan.cjs) into dist/ and writes dist/index.d.ts.\n");
  process.exit(0);
}

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// Start from an empty dist/: chunk names carry content hashes, so old ones would pile up (and the
// result cache's build salt lists every module file here).
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: packageDir,
  entryPoints: { cli: "src/cli.ts", index: "src/index.ts", client: "src/server/client.ts", "server-worker": "src/server/worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  conditions: ["source"],
  external: ["ts-morph", "jiti", "typescript"],
  define: { __WARDEN_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __wardenRequire } from 'node:module'; const require = __wardenRequire(import.meta.url);" },
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
});

// `warden secrets run` starts from its own bundle, one file that bin/warden.js loads before the CLI:
// the vault and the Node-only parts of core (@warden/core/lite). A dependency slipping into it would
// undo its fast start, so the build fails when anything from node_modules is bundled. CommonJS:
// required, it starts a few milliseconds sooner than as an ES module (docs/benchmarks.md).
const slim = await build({
  absWorkingDir: packageDir,
  entryPoints: ["src/secrets-run.ts"],
  outfile: "dist/secrets-run.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  conditions: ["source"],
  metafile: true,
  logLevel: "warning",
  legalComments: "none",
});
const heavy = Object.keys(slim.metafile.inputs).filter((input) => input.includes("node_modules") && !/node_modules\/@warden\//.test(input));
if (heavy.length > 0) throw new Error(`dist/secrets-run.cjs must load nothing but Node's built-ins; it bundles ${heavy.join(", ")}`);

// `warden scan` starts from its own bundle too (src/scan-start.ts): the scan command and what it runs,
// one CommonJS file whose compiled code bin/scan-start.js keeps between runs (V8's code cache). It
// holds no other command. `import.meta.url` is the bundle's own URL: the scanning workers
// (@warden/secrets' pool) start from it, and `import "@warden/cli"` in a config resolves beside it.
await build({
  absWorkingDir: packageDir,
  entryPoints: ["src/scan-start.ts"],
  outfile: "dist/scan.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  conditions: ["source"],
  external: ["ts-morph", "jiti", "typescript"],
  define: { __WARDEN_VERSION__: JSON.stringify(pkg.version), "import.meta.url": "__wardenUrl" },
  banner: { js: "const __wardenUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: "warning",
  legalComments: "none",
});

/**
 * The config type as the user writes it (`WardenConfigInput` of @warden/core, inferred from its zod
 * schema), expanded by the type checker into one self-contained object type.
 */
function configTypeText() {
  const probe = path.join(packageDir, "src", "__config-type-probe.ts");
  const source = [
    'import type { WardenConfigInput } from "@warden/core";',
    "type Expand<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]: Expand<T[K]> } : T;",
    "export type Probe = Expand<WardenConfigInput>;",
  ].join("\n");
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(packageDir, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (parsed === undefined) throw new Error("cannot read tsconfig.json");
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) => (path.resolve(file) === probe ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest));
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const program = ts.createProgram([probe], parsed.options, host);
  const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe));
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, "\n"));
  const checker = program.getTypeChecker();
  const alias = program.getSourceFile(probe).statements.find((node) => ts.isTypeAliasDeclaration(node) && node.name.text === "Probe");
  return checker.typeToString(checker.getTypeAtLocation(alias.name), undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
}

const declarations = `// Generated by packages/cli/scripts/build.mjs from @warden/core's config schema; do not edit.
/** The config of warden.config.ts as written (every key optional; see docs/reference/config.md). */
export type WardenConfig = ${configTypeText()};
/** Type helper for warden.config.ts: returns the config unchanged, with editor completion and type checks. */
export declare function defineConfig(config: WardenConfig): WardenConfig;
`;
// Print through the TypeScript printer: one property a line, and a syntax check of what was written.
const declarationFile = ts.createSourceFile("index.d.ts", declarations, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
writeFileSync(path.join(packageDir, "dist", "index.d.ts"), ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(declarationFile));
