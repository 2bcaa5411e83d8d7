// deps/lockfile reads a pnpm lockfile without its `packages:`/`snapshots:` sections (the resolved
// graph, nearly all of its bytes, which the rule never needs). What it does read must not change:
// settings after those sections, a second document, and a merge conflict inside them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkRepo } from "../../fixture-repo.js";

const RULE = "deps/lockfile";
const roots: string[] = [];

async function check(lock: string): Promise<[string, string][]> {
  const root = mkdtempSync(path.join(tmpdir(), "warden-lockfile-sections-"));
  roots.push(root);
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "app", version: "1.0.0", dependencies: { zod: "^4.1.0" } }),
    "pnpm-lock.yaml": lock,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return (await checkRepo(root, { [RULE]: "error" })).map((f) => [f.messageId, f.message]);
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const head = "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n\n";
const packages = "packages:\n\n  zod@4.1.0:\n    resolution: {integrity: sha512-AAAA}\n\nsnapshots:\n\n  zod@4.1.0: {}\n";

describe(`${RULE} with the resolution sections left out`, () => {
  it("reads importers written after the packages and snapshots sections", async () => {
    expect(await check(`${head}${packages}\nimporters:\n\n  .:\n    dependencies:\n      zod:\n        specifier: ^4.1.0\n        version: 4.1.0\n`)).toEqual([]);
    expect(await check(`${head}${packages}\nimporters:\n\n  .:\n    dependencies:\n      zod:\n        specifier: ^4.0.0\n        version: 4.0.0\n`)).toEqual([
      ["stale", 'package.json: dependencies.zod is "^4.1.0" but the lockfile has "^4.0.0".'],
    ]);
  });

  it("still reports a merge conflict inside the packages section as unreadable YAML", async () => {
    const conflicted = `${head}importers:\n\n  .:\n    dependencies:\n      zod:\n        specifier: ^4.1.0\n        version: 4.1.0\n\npackages:\n\n<<<<<<< HEAD\n  zod@4.1.0:\n    resolution: {integrity: sha512-AAAA}\n=======\n  zod@4.1.1:\n    resolution: {integrity: sha512-BBBB}\n>>>>>>> other\n`;
    expect((await check(conflicted)).map(([id]) => id)).toEqual(["unreadable"]);
  });
});
