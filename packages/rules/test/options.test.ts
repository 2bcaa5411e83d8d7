// Every option of every rule is exercised by a test: here (one case per option: the same files
// without and with the option, and what changes), or in the rule's own test file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT } from "@warden/test-utils";
import { BUILTIN_RULES, type Rule } from "@warden/rules";
import { locations, runExample } from "./helpers.js";

interface OptionCase {
  readonly files: Record<string, string>;
  readonly commit?: string;
  readonly mode?: "full" | "changes";
  readonly options: Record<string, unknown>;
  /** What the case shows, when the option does not change the findings of these files. */
  readonly note?: string;
  /** [file, line, column, messageId] without the option, and with it. */
  readonly without: readonly (readonly [string, number, number, string])[];
  readonly with: readonly (readonly [string, number, number, string])[];
}

const WS = { "pnpm-workspace.yaml": 'packages: ["packages/*"]\n' };
const body = (name: string, items: string, total: string): string =>
  `export function ${name}(${items}: { price: number; qty: number; discount: number }[], rate: number): number {\n` +
  `  let ${total} = 0;\n  for (const item of ${items}) {\n    const net = item.price * item.qty - item.discount;\n` +
  `    const tax = Math.round(net * rate * 100) / 100;\n    ${total} += net + tax;\n  }\n` +
  `  if (${total} < 0) throw new RangeError(\`negative total \${${total}}\`);\n  return Math.round(${total} * 100) / 100;\n}\n`;
const API = { ...WS, "packages/api/package.json": '{ "name": "@fx/api", "version": "1.0.0" }\n', "packages/api/src/index.ts": "export const a = 1;\n" };
const WAIVED = "refactor(api): rename\n\nChangeset: none -- internal rename";
const DUPLICATE = { "src/cart.ts": body("cartTotal", "items", "total"), "src/invoice.ts": body("invoiceTotal", "rows", "sum") };
const DUPLICATE_TESTS = { "src/cart.test.ts": body("cartTotal", "items", "total"), "src/invoice.test.ts": body("invoiceTotal", "rows", "sum") };
const APP = {
  ...WS,
  "packages/app/package.json": JSON.stringify({ name: "app", version: "1.0.0", type: "module", bin: { app: "./src/main.ts" } }),
  "packages/app/src/main.ts": 'import { greet } from "./greet.js";\n\nprocess.stdout.write(greet("you"));\n',
  "packages/app/src/greet.ts": "export type Name = string;\nexport function greet(name: Name): string {\n  return `hello ${name}`;\n}\nexport const VERSION = 1;\n",
};

const CASES: Record<string, Record<string, OptionCase>> = {
  "code/no-duplicate-blocks": {
    minLines: { files: DUPLICATE, mode: "full", options: { minLines: 50 }, without: [["src/invoice.ts", 1, 1, "duplicate"]], with: [] },
    includeTests: { files: DUPLICATE_TESTS, mode: "full", options: { includeTests: true }, without: [], with: [["src/invoice.test.ts", 1, 1, "duplicate"]] },
    ignore: { files: DUPLICATE, mode: "full", options: { ignore: ["src/invoice.ts"] }, without: [["src/invoice.ts", 1, 1, "duplicate"]], with: [] },
  },
  "changes/changeset-required": {
    exclude: { files: API, commit: "feat(api): a", options: { exclude: ["src/**"] }, without: [["packages/api/package.json", 1, 1, "missing"]], with: [] },
    checkUnchanged: {
      files: {
        ...WS,
        "packages/api/package.json": '{ "name": "@fx/api", "version": "1.0.0", "files": ["dist"] }\n',
        "packages/api/README.md": "# api\n",
        ".changeset/docs.md": '---\n"@fx/api": patch\n---\n\nBetter docs.\n',
      },
      commit: "docs(api): readme",
      options: { checkUnchanged: true },
      without: [],
      with: [[".changeset/docs.md", 1, 1, "unchanged"]],
    },
  },
  "changes/changeset-waived": {
    include: {
      files: API,
      commit: WAIVED,
      options: { include: ["bin/**"] },
      without: [["commit:000000000000", 1, 1, "waived"]],
      with: [],
    },
    exclude: {
      files: API,
      commit: WAIVED,
      options: { exclude: ["src/**"] },
      without: [["commit:000000000000", 1, 1, "waived"]],
      with: [],
    },
  },
  "commits/conventional": {
    types: { files: {}, commit: "wip: x", options: { types: ["feat", "wip"] }, without: [["commit:000000000000", 1, 1, "type"]], with: [] },
  },
  "compose/healthcheck": {
    ignore: {
      files: { "compose.yaml": "services:\n  migrate:\n    image: example/migrate:1.0.0\n" },
      options: { ignore: ["migrate"] },
      without: [["compose.yaml", 2, 1, "missing"]],
      with: [],
    },
  },
  "compose/ports": {
    registry: {
      files: { "compose.yaml": 'services:\n  web:\n    image: example/web:1.0.0\n    ports:\n      - "8080:80"\n', "PORTS.md": "# Ports\n\n| Port | Service |\n| --- | --- |\n| 8080 | web |\n" },
      mode: "full",
      options: { registry: "PORTS.md" },
      without: [["compose.yaml", 4, 1, "noRegistry"]],
      with: [],
    },
  },
  "compose/resource-limits": {
    ignore: {
      files: { "compose.yaml": "services:\n  migrate:\n    image: example/migrate:1.0.0\n" },
      options: { ignore: ["migrate"] },
      without: [["compose.yaml", 2, 1, "missing"]],
      with: [],
    },
  },
  "deps/no-phantom-dependencies": {
    allow: {
      files: { "packages/app/package.json": '{ "name": "app", "version": "1.0.0", "dependencies": { "zod": "4.0.0" } }\n', "packages/app/src/icons.ts": 'import icons from "virtual-icons";\nexport default icons;\n' },
      options: { allow: ["virtual-icons"] },
      without: [["packages/app/src/icons.ts", 1, 1, "phantom"]],
      with: [],
    },
    ignore: {
      files: { "packages/app/package.json": '{ "name": "app", "version": "1.0.0", "dependencies": { "zod": "4.0.0" } }\n', "packages/app/src/icons.ts": 'import icons from "virtual-icons";\nexport default icons;\n' },
      options: { ignore: ["packages/app/src/icons.ts"] },
      without: [["packages/app/src/icons.ts", 1, 1, "phantom"]],
      with: [],
    },
  },
  "deps/pinned-ranges": {
    fields: {
      files: { "package.json": '{\n  "name": "a",\n  "version": "1.0.0",\n  "peerDependencies": {\n    "react": "*"\n  }\n}\n' },
      options: { fields: ["peerDependencies"] },
      without: [],
      with: [["package.json", 5, 1, "unbounded"]],
    },
    allow: {
      files: { "package.json": '{\n  "name": "a",\n  "version": "1.0.0",\n  "dependencies": {\n    "zod": "*"\n  }\n}\n' },
      options: { allow: ["zod"] },
      without: [["package.json", 5, 1, "unbounded"]],
      with: [],
    },
  },
  "docker/no-secret-env": {
    allow: {
      files: { Dockerfile: "FROM node:20.19-slim\nENV DB_PASSWORD=example\n" },
      options: { allow: ["DB_PASSWORD"] },
      without: [["Dockerfile", 2, 1, "secret"]],
      with: [],
    },
  },
  "docs/changelog-dates": {
    files: {
      files: { "HISTORY.md": "# History\n\n## 1.0.0 (03/05/2026)\n" },
      options: { files: ["HISTORY.md"] },
      without: [],
      with: [["HISTORY.md", 3, 11, "notIso"]],
    },
  },
  "docs/exported-api-documented": {
    include: { files: { "lib/money.ts": "export function add(a: number, b: number): number {\n  return a + b;\n}\n" }, options: { include: ["lib/**"] }, without: [], with: [["lib/money.ts", 1, 17, "missing"]] },
    exclude: {
      files: { "src/money.ts": "export function add(a: number, b: number): number {\n  return a + b;\n}\n" },
      options: { exclude: ["src/money.ts"] },
      without: [["src/money.ts", 1, 17, "missing"]],
      with: [],
    },
  },
  "docs/links-resolve": {
    ignore: { files: { "README.md": "# Demo\n\nSee [the guide](docs/guid.md).\n" }, options: { ignore: ["README.md"] }, without: [["README.md", 3, 17, "missingFile"]], with: [] },
    sites: {
      files: { "docs/index.md": "# Docs\n\nSee [the guide](/guide/intro) and [setup](/guide/setup).\n", "docs/guide/index.md": "# Guide\n", "docs/guide/intro.md": "# Intro\n" },
      mode: "full",
      options: { sites: [{ root: "docs" }] },
      // Outside a known site a root-absolute link that is no repository path is not judged; as a site route it is.
      without: [],
      with: [["docs/index.md", 3, 43, "missingRoute"]],
    },
  },
  "protect/protected-paths": {
    paths: { files: { "secrets/keys.txt": "rotated weekly\n" }, commit: "chore: keys", options: { paths: ["secrets/**"] }, without: [], with: [["secrets/keys.txt", 1, 1, "unauthorized"]] },
  },
  "scripts/help": {
    ignore: { files: { "scripts/ci/greet.sh": '#!/usr/bin/env bash\nset -euo pipefail\necho "$1"\n' }, options: { ignore: ["scripts/ci/**"] }, without: [["scripts/ci/greet.sh", 1, 1, "noHelp"]], with: [] },
  },
  "scripts/location": {
    allow: { files: { "tools/release.sh": "#!/usr/bin/env bash\nset -euo pipefail\n" }, options: { allow: ["tools/**"] }, without: [["tools/release.sh", 1, 1, "loose"]], with: [] },
  },
  "scripts/shell-strict": {
    ignore: { files: { "scripts/ci/hi.sh": "#!/usr/bin/env bash\nset -e\necho hi\n" }, options: { ignore: ["scripts/ci/**"] }, without: [["scripts/ci/hi.sh", 2, 1, "strict"]], with: [] },
  },
  "scripts/shellcheck": {
    severity: {
      files: { "scripts/ci/unused.sh": "#!/usr/bin/env bash\nset -euo pipefail\nunused=1\n" },
      options: { severity: "error" },
      without: [["scripts/ci/unused.sh", 3, 1, "finding"]],
      with: [],
    },
    ignore: {
      files: { "scripts/ci/unused.sh": "#!/usr/bin/env bash\nset -euo pipefail\nunused=1\n" },
      options: { ignore: ["scripts/ci/**"] },
      without: [["scripts/ci/unused.sh", 3, 1, "finding"]],
      with: [],
    },
  },
  "waste/unused-dependencies": {
    ignore: {
      files: { ...WS, "packages/lib/package.json": '{\n  "name": "lib",\n  "version": "1.0.0",\n  "main": "src/index.ts",\n  "dependencies": {\n    "lodash": "4.17.21"\n  }\n}\n', "packages/lib/src/index.ts": "export const a = 1;\n" },
      mode: "full",
      options: { ignore: ["lodash"] },
      without: [["packages/lib/package.json", 6, 1, "unused"]],
      with: [],
    },
  },
  "waste/unused-exports": {
    entry: { files: APP, mode: "full", options: { entry: ["packages/app/src/greet.ts"] }, without: [["packages/app/src/greet.ts", 5, 14, "unused"]], with: [] },
    ignore: { files: APP, mode: "full", options: { ignore: ["packages/app/src/greet.ts"] }, without: [["packages/app/src/greet.ts", 5, 14, "unused"]], with: [] },
    ignoreExportsUsedInFile: {
      files: APP,
      mode: "full",
      options: { ignoreExportsUsedInFile: false },
      without: [["packages/app/src/greet.ts", 5, 14, "unused"]],
      with: [
        ["packages/app/src/greet.ts", 1, 13, "unused"],
        ["packages/app/src/greet.ts", 5, 14, "unused"],
      ],
    },
  },
};

/** The options (`rule: key`) of `rules` that have neither a case here nor a `key:` in the rule's own test file. */
function untested(rules: readonly Pick<Rule, "id" | "options">[]): string[] {
  const missing: string[] = [];
  for (const rule of rules) {
    const shape = (rule.options as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    const testFile = path.join(REPO_ROOT, "packages/rules/test/rules", `${rule.id}.test.ts`);
    const own = existsSync(testFile) ? readFileSync(testFile, "utf8") : "";
    for (const key of Object.keys(shape)) {
      if (CASES[rule.id]?.[key] === undefined && !new RegExp(`\\b${key}\\s*:`).test(own)) missing.push(`${rule.id}: ${key}`);
    }
  }
  return missing;
}

describe("rule options", () => {
  it("every option of every rule is exercised: a case here, or passed as `key:` in the rule's own test file", () => {
    expect(untested(BUILTIN_RULES)).toEqual([]);
  });

  it("the coverage check names an option that no test passes", () => {
    const known = BUILTIN_RULES.find((rule) => rule.id === "logging/no-console");
    expect(known).toBeDefined();
    if (known === undefined) return;
    const widened = { id: known.id, options: (known.options as unknown as z.ZodObject).extend({ untestedFlag: z.boolean().default(false) }) };
    expect(untested([widened])).toEqual(["logging/no-console: untestedFlag"]);
  });

  for (const [ruleId, options] of Object.entries(CASES)) {
    for (const [key, option] of Object.entries(options)) {
      it(`${ruleId}: ${key} ${option.note ?? "changes what is reported"}`, async () => {
        if (option.note === undefined) expect(option.with).not.toEqual(option.without);
        const example = { files: option.files, commit: option.commit, mode: option.mode ?? "changes" };
        expect(locations(await runExample(ruleId, example))).toEqual(option.without);
        expect(locations(await runExample(ruleId, { ...example, options: option.options }))).toEqual(option.with);
      });
    }
  }
});
