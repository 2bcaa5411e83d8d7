#!/usr/bin/env node
// `pnpm create-rule <category>/<name> [--enforces "Rule N"]`: writes the three files of a new rule
// (source, test, docs page) from templates, so every rule starts complete and in the house shape.
// Register the rule in packages/rules/src/builtin.ts afterwards.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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
import { positions, runRule } from "${"../".repeat(2)}helpers.js";

const ID = "${id}";

describe(ID, () => {
  it("reports the violation at its position", async () => {
    expect(positions(await runRule(ID, { "src/a.ts": "debugger;\\n" }))).toEqual([[ID, 1, 1]]);
  });

  it("accepts the clean twin", async () => {
    expect(await runRule(ID, { "src/a.ts": "export const a = 1;\\n" })).toEqual([]);
  });
});
`,
  [`docs/rules/${id}.md`]: `# ${id}

> Enforces **${enforces} — (title from RULES.md)**. Default: \`error\`. Scope: file (ts, js).

## What it reports

## Why

## The written rule

> **${enforces}**: quote it from RULES.md.

## Examples

### Bad

\`\`\`ts bad
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
for (const [file, content] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
  process.stdout.write(`wrote ${file}\n`);
}
process.stdout.write("next: register it in packages/rules/src/builtin.ts, then fill in the docs page and tests.\n");
