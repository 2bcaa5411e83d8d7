// False-positive classes of waste/unused-dependencies and waste/unused-files seen on real monorepos
// (trpc, create-t3-turbo), each as a fixture of the real shape whose clean twin stays clean, with a
// true violation beside it still caught. One temporary repository for the whole file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@warden/core";
import { checkRepo } from "../../fixture-repo.js";

const json = (value: unknown): string => JSON.stringify(value, null, 2);

const FILES: Record<string, string> = {
  // The root's dependencies resolve from every folder: `konn` is used by a package's tests that do not declare it.
  // `@manypkg/cli` runs as `manypkg` (a scope's CLI named after the scope). `left-pad` is used by nothing.
  "package.json": json({
    name: "root",
    private: true,
    scripts: { "lint-fix": "manypkg fix" },
    devDependencies: { "@manypkg/cli": "0.22.0", konn: "0.7.0", "left-pad": "1.3.0", "@changesets/changelog-github": "0.5.0", "@acme/commit": "1.0.0" },
  }),
  // Changesets loads its changelog and commit generators by the names in .changeset/config.json.
  ".changeset/config.json": json({ changelog: ["@changesets/changelog-github", { repo: "acme/app" }], commit: "@acme/commit", access: "public" }),
  "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - 'examples/*'\n  - 'www'\n",
  "packages/adapter/package.json": json({
    name: "@acme/adapter",
    version: "1.0.0",
    exports: "./src/index.ts",
    peerDependencies: { "@tanstack/react-query": "5.0.0", react: "19.0.0" },
  }),
  "packages/adapter/src/index.ts": "export const adapter = 1;\n",
  // A demo inside a package is run by hand (hono's ua-blocker/examples/demo.ts); an unused module beside it is still caught.
  "packages/adapter/examples/demo.ts": "import { adapter } from '../src/index';\nconsole.info(adapter);\n",
  "packages/adapter/src/unused-helper.ts": "export const helper = 2;\n",
  "packages/adapter/test/adapter.test.ts": "import { konn } from 'konn';\nimport { adapter } from '../src/index';\nexport { konn, adapter };\n",
  // An app using a workspace package declares that package's peers; `clsx` is used by nothing.
  // Its src/api/package.json names a sub-path module and installs nothing: `superjson` is used by the app.
  "examples/app/package.json": json({
    name: "app",
    private: true,
    exports: "./src/index.ts",
    dependencies: { "@acme/adapter": "workspace:*", "@tanstack/react-query": "5.0.0", react: "19.0.0", superjson: "2.0.0", clsx: "2.0.0" },
  }),
  "examples/app/src/index.ts": "import { adapter } from '@acme/adapter';\nimport { api } from './api/client';\nexport { adapter, api };\n",
  "examples/app/src/api/package.json": json({ name: "app-api", exports: { ".": "./client.ts" } }),
  "examples/app/src/api/client.ts": "import superjson from 'superjson';\nexport const api = superjson;\n",
  // A Docusaurus site: Twoslash compiles the docs' code blocks (their imports are uses), `@docusaurus/faster`
  // is loaded by a config flag, and components are imported by MDX pages through `@site/`.
  "www/package.json": json({
    name: "www",
    private: true,
    scripts: { start: "docusaurus start" },
    dependencies: { "@docusaurus/core": "3.0.0", "@docusaurus/faster": "3.0.0", "remark-shiki-twoslash": "3.0.0", react: "19.0.0", effect: "3.0.0", arktype: "2.0.0" },
  }),
  "www/docusaurus.config.ts": "export default { future: { experimental_faster: true }, presets: [['classic', { docs: { remarkPlugins: [require('remark-shiki-twoslash').default] } }]] };\n",
  "www/docs/effect.md": "# Effect\n\n```ts twoslash\nimport { Effect } from 'effect';\nconst program = Effect.succeed(1);\n```\n\nPlain text naming arktype is not an import.\n",
  "www/docs/intro.mdx": "import { Snippet } from '@site/src/components/Snippet';\n\n# Intro\n\n<Snippet />\n",
  "www/src/components/Snippet.tsx": "export function Snippet() {\n  return null;\n}\n",
  "www/src/components/Orphan.tsx": "export function Orphan() {\n  return null;\n}\n",
  "www/src/pages/index.tsx": "export default function Home() {\n  return null;\n}\n",
};

let root: string;
let dependencies: Finding[];
let files: Finding[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "warden-unused-realworld-"));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  dependencies = await checkRepo(root, { "waste/unused-dependencies": "error" });
  files = await checkRepo(root, { "waste/unused-files": "error" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("waste/unused-dependencies on real-world shapes", () => {
  it("reports exactly the dependencies nothing uses beside each clean twin", () => {
    expect(dependencies.map((f) => [f.file, f.messageId, /^(\S+) is declared/.exec(f.message)?.[1]]).sort()).toEqual(
      [
        ["examples/app/package.json", "unused", "dependencies.clsx"],
        ["package.json", "unused", "devDependencies.left-pad"],
        ["www/package.json", "unused", "dependencies.arktype"],
      ].sort(),
    );
  });
});

describe("waste/unused-files on real-world shapes", () => {
  it("follows MDX imports through Docusaurus's @site/ alias, takes a package's examples as entries, and still reports the orphans", () => {
    expect(files.map((f) => [f.file, f.messageId]).sort()).toEqual([
      ["packages/adapter/src/unused-helper.ts", "unused"],
      ["www/src/components/Orphan.tsx", "unused"],
    ]);
  });
});
