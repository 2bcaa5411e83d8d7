#!/usr/bin/env node
// `pnpm create-rule <category>/<name> [--enforces "Rule N"]`: writes a new rule from templates —
// source, test, docs page (with executable bad/good examples) and a fixture repository with a bad
// case and its clean twin — and registers it in packages/rules/src/builtin.ts, so every rule
// starts complete, registered and in the house shape.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
if (args.length === 0 || args.includes("--help")) {
  process.stdout.write('usage: pnpm create-rule <category>/<name> [--enforces "Rule N"]\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const id = args[0];
const enforcesAt = args.indexOf("--enforces");
const enforces = enforcesAt >= 0 ? args[enforcesAt + 1] : "Rule 1";
if (!/^[a-z]+\/[a-z0-9-]+$/.test(id)) {
  process.stderr.write(`create-rule: "${id}" is not a rule id like "category/name" (lowercase, kebab-case)\n`);
  process.exit(2);
}
if (!/^Rule \d+$/.test(enforces ?? "")) {
  process.stderr.write(`create-rule: --enforces takes "Rule N", got "${enforces}"\n`);
  process.exit(2);
}
const files = {
  [`packages/rules/src/rules/${id}.ts`]: `import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "${id}",
  enforces: "${enforces}",
  description: "One line: what this rule reports.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    found: {
      message: "What is wrong, in one sentence.",
      hint: "How to fix it, for a person and for an agent.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    walk(ts, ast, (node) => {
      if (ts.isDebuggerStatement(node)) ctx.report({ messageId: "found", node });
    });
  },
});
`,
  [`packages/rules/test/rules/${id}.test.ts`]: `import { describe, expect, it } from "vitest";
import { checkFixture } from "${"../".repeat(2)}fixture-repo.js";
import { locations, runRule } from "${"../".repeat(2)}helpers.js";

const ID = "${id}";

describe(ID, () => {
  it("reports the violation at its position", async () => {
    expect(locations(await runRule(ID, { "src/a.ts": "debugger;\\n" }))).toEqual([["src/a.ts", 1, 1, "found"]]);
  });

  it("reports the fixture repository and accepts its clean twin", async () => {
    expect(locations(await checkFixture(ID, "bad"))).toEqual([["src/example.ts", 2, 3, "found"]]);
    expect(await checkFixture(ID, "good")).toEqual([]);
  });
});
`,
  [`packages/rules/test/fixtures/${id.replace("/", "-")}/bad/package.json`]: `{ "name": "fixture", "version": "1.0.0", "private": true, "type": "module" }\n`,
  [`packages/rules/test/fixtures/${id.replace("/", "-")}/bad/src/example.ts`]: "export function run(): void {\n  debugger;\n}\n",
  [`packages/rules/test/fixtures/${id.replace("/", "-")}/good/package.json`]: `{ "name": "fixture", "version": "1.0.0", "private": true, "type": "module" }\n`,
  [`packages/rules/test/fixtures/${id.replace("/", "-")}/good/src/example.ts`]: "export function run(): number {\n  return 1;\n}\n",
  [`docs/rules/${id}.md`]: `# ${id}

> Enforces **${enforces} — (title from RULES.md)**. Default: \`error\`. Scope: file (ts, js).

## What it reports

## Why

## The written rule

> **${enforces}**: quote it from RULES.md.

## Examples

### Bad

\`\`\`ts bad messageId=found
debugger;
\`\`\`

### Good

\`\`\`ts good
export const a = 1;
\`\`\`

## How to fix

## Options

None.
`,
};
for (const file of Object.keys(files)) {
  const target = path.join(root, file);
  if (existsSync(target)) {
    process.stderr.write(`create-rule: ${file} already exists; nothing written\n`);
    process.exit(2);
  }
}
// Register it: an import after the last rule import of builtin.ts and an entry in BUILTIN_RULES.
const builtinFile = path.join(root, "packages/rules/src/builtin.ts");
const builtin = readFileSync(builtinFile, "utf8");
const binding = id.replace(/[/-]([a-z0-9])/g, (_, c) => c.toUpperCase());
const imports = [...builtin.matchAll(/^import \w+ from "\.\/rules\/[^"]+";$/gm)];
const lastImport = imports[imports.length - 1];
const listEnd = builtin.indexOf("].sort(");
if (lastImport?.index === undefined || listEnd < 0 || new RegExp(`^import ${binding} `, "m").test(builtin)) {
  process.stderr.write(`create-rule: cannot register ${id} in packages/rules/src/builtin.ts (no rule imports or BUILTIN_RULES list found, or "${binding}" taken); nothing written\n`);
  process.exit(2);
}
const importEnd = lastImport.index + lastImport[0].length;
const registered =
  builtin.slice(0, importEnd) + `\nimport ${binding} from "./rules/${id}.js";` + builtin.slice(importEnd, listEnd) + `  ${binding},\n` + builtin.slice(listEnd);
for (const [file, content] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
  process.stdout.write(`wrote ${file}\n`);
}
writeFileSync(builtinFile, registered);
process.stdout.write("registered it in packages/rules/src/builtin.ts\n");
process.stdout.write("next: write the rule, its tests, fixture and docs page; then `warden rules --format markdown`.\n");
