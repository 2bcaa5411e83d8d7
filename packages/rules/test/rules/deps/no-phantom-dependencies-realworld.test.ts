// False-positive classes of deps/no-phantom-dependencies seen on real monorepos (trpc, pinia), each
// as a fixture of the real shape whose clean twin stays clean, with a true phantom import beside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@warden/core";
import { checkRepo } from "../../fixture-repo.js";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "root", private: true, devDependencies: { typescript: "5.9.3" } }),
  "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - 'www'\n  - 'examples/*'\n",
  // tsconfig `paths` map workspace names to their sources (trpc's root tsconfig).
  "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@acme/next": ["./packages/next/src"], "@acme/next/*": ["./packages/next/src/*"] } } }),
  "packages/next/package.json": JSON.stringify({ name: "@acme/next", version: "1.0.0", exports: "./src/index.ts" }),
  "packages/next/src/index.ts": "export const next = 1;\n",
  "packages/react/package.json": JSON.stringify({ name: "@acme/react", version: "1.0.0", exports: "./src/index.ts", dependencies: { react: "19.0.0" } }),
  "packages/react/tsconfig.json": JSON.stringify({ extends: "../../tsconfig.json" }),
  // Virtual modules of bundler plugins and frameworks are not packages: `~icons/*` (unplugin-icons), `virtual:*`, `#imports`.
  "packages/react/src/index.ts": "import React from 'react';\nimport Home from '~icons/mdi/home';\nimport routes from 'virtual:generated-pages';\nimport { useState } from '#imports';\nexport const r = [React, Home, routes, useState];\n",
  // Bun's runtime module is no package (hono's bun-transpiler middleware).
  "packages/react/src/bun.ts": "import { Transpiler } from 'bun';\nexport const t = Transpiler;\n",
  "packages/react/test/ssr.test.ts": "import { next } from '@acme/next';\nimport { other } from '@acme/other';\nexport { next, other };\n",
  // A Docusaurus site: client-API and theme aliases are provided by @docusaurus/core.
  "www/package.json": JSON.stringify({ name: "www", private: true, dependencies: { "@docusaurus/core": "3.0.0", react: "19.0.0" } }),
  "www/src/pages/index.tsx":
    "import Link from '@docusaurus/Link';\nimport useDocusaurusContext from '@docusaurus/useDocusaurusContext';\nimport { useLocation } from '@docusaurus/router';\nimport Layout from '@theme/Layout';\nimport Original from '@theme-original/Navbar';\nimport Snippet from '@site/src/components/Snippet';\nimport { Tabs } from '@docusaurus/theme-common';\nexport { Link, useDocusaurusContext, useLocation, Layout, Original, Snippet, Tabs };\n",
  // A dependency-less package.json inside an app (a sub-path module) is not a dependency boundary.
  "examples/app/package.json": JSON.stringify({ name: "app", private: true, dependencies: { next: "15.0.0", superjson: "2.0.0" } }),
  "examples/app/src/trpc/package.json": JSON.stringify({ name: "trpc-api", exports: { ".": { types: "./client.ts", default: "./client.ts" } } }),
  "examples/app/src/trpc/client.ts": "import superjson from 'superjson';\nimport next from 'next';\nimport chalk from 'chalk';\nexport { superjson, next, chalk };\n",
  // A Deno example: names mapped by deno.json `imports` (and folders of them: "std/").
  "examples/deno/deno.json": JSON.stringify({ imports: { "std/": "https://deno.land/std@0.192.0/", "@trpc/server": "https://esm.sh/@trpc/server@10.32.0" } }),
  "examples/deno/src/index.ts": "import { delay } from 'std/async/delay.ts';\nimport { initTRPC } from '@trpc/server';\nimport kleur from 'kleur';\nexport { delay, initTRPC, kleur };\n",
  // Placeholders an adapter replaces at build time are no package names (kit: 'SERVER', '__sveltekit/env').
  "packages/adapter/package.json": JSON.stringify({ name: "@acme/adapter", version: "1.0.0" }),
  "packages/adapter/files/worker.js": "import { Server } from 'SERVER';\nimport { env } from '__sveltekit/env';\nimport pad from 'left-pad';\nexport { Server, env, pad };\n",
  // Jest: a manual mock of a node module (`__mocks__/createRuntime.js`) and a virtual mock resolve without a dependency.
  "packages/runtime/package.json": JSON.stringify({ name: "@acme/runtime", version: "1.0.0" }),
  "packages/runtime/src/__mocks__/createRuntime.js": "module.exports = () => ({});\n",
  "packages/runtime/src/__tests__/runtime.test.js":
    "jest.mock('preprocessor', () => ({ process: jest.fn() }), { virtual: true });\nconst createRuntime = require('createRuntime');\nconst pre = require('preprocessor');\nconst missing = require('not-mocked');\nmodule.exports = { createRuntime, pre, missing };\n",
  // A committed node_modules below the package's folder (jest's fixtures) resolves its imports; an install never puts one there.
  "sandbox/conditions/package.json": JSON.stringify({ private: true }),
  "sandbox/conditions/node_modules/fake-dual-dep/package.json": JSON.stringify({ name: "fake-dual-dep", version: "1.0.0" }),
  "sandbox/conditions/src/conditions.mjs": "import dual from 'fake-dual-dep';\nimport other from 'other-dep';\nexport { dual, other };\n",
};

let root: string;
let findings: Finding[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "warden-phantom-realworld-"));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  findings = await checkRepo(root, { "deps/no-phantom-dependencies": "error" });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const phantoms = (): [string, number, string, string | undefined][] => findings.map((f) => [f.file, f.line, f.messageId, /"([^"]+)"/.exec(f.message)?.[1]]);

describe("deps/no-phantom-dependencies on real-world shapes", () => {
  it("reports exactly the true phantom imports beside each clean twin", () => {
    expect(phantoms().sort()).toEqual(
      [
        ["examples/app/src/trpc/client.ts", 3, "phantom", "chalk"],
        ["packages/adapter/files/worker.js", 3, "phantom", "left-pad"],
        ["packages/runtime/src/__tests__/runtime.test.js", 4, "phantom", "not-mocked"],
        ["sandbox/conditions/src/conditions.mjs", 2, "phantom", "other-dep"],
        ["examples/deno/src/index.ts", 3, "phantom", "kleur"],
        ["packages/react/test/ssr.test.ts", 2, "phantom", "@acme/other"],
        ["www/src/pages/index.tsx", 7, "phantom", "@docusaurus/theme-common"],
      ].sort(),
    );
  });

  it("names the enclosing package.json for a file under a dependency-less one", () => {
    const chalk = findings.find((f) => f.file === "examples/app/src/trpc/client.ts");
    expect(chalk?.message).toContain("examples/app/package.json");
  });
});
