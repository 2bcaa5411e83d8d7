import { describe, expect, it } from "vitest";
import { WardenConfigSchema } from "@warden/core";
import { BUILTIN_RULES, runRules, shardOf, type ResultStore } from "@warden/rules";

const config = WardenConfigSchema.parse({});
const rules = BUILTIN_RULES.filter((r) => ["real/no-placeholder", "docs/links-resolve"].includes(r.id));

function store(): ResultStore & { size: number } {
  const map = new Map<string, unknown>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    get size() {
      return map.size;
    },
  };
}

async function run(files: Record<string, string>, cache: ResultStore, salt = "1") {
  return runRules({
    root: "/nonexistent",
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config,
    rules,
    mode: "full",
    exists: async (file) => file in files,
    cache,
    cacheSalt: salt,
  });
}

describe("runRules with a result cache", () => {
  const files = {
    "src/a.ts": 'export function a(): void {\n  throw new Error("not implemented");\n}\n',
    "src/b.ts": "export const b = 1;\n",
    "README.md": "# Demo\n\n[guide](docs/guide.md)\n",
    "docs/guide.md": "# Guide\n",
  };

  it("reuses per-file results for unchanged files and re-runs only what changed", async () => {
    const cache = store();
    const cold = await run(files, cache);
    expect(cold.cached).toBe(0);
    const warm = await run(files, cache);
    expect(warm.cached).toBe(2);
    expect(warm.findings).toEqual(cold.findings);
    const changed = await run({ ...files, "src/b.ts": 'export function b(): void {\n  throw new Error("TODO");\n}\n' }, cache);
    expect(changed.cached).toBe(1);
    expect(changed.findings.map((f) => f.file)).toEqual(["src/a.ts", "src/b.ts"]);
  });

  it("re-runs a repository rule when any file of the repository changes, and never across salts", async () => {
    const cache = store();
    await run(files, cache);
    const { "docs/guide.md": _removed, ...withoutGuide } = files;
    const after = await run(withoutGuide, cache);
    expect(after.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(["docs/links-resolve README.md:3", "real/no-placeholder src/a.ts:2"]);
    expect((await run(files, cache, "2")).cached).toBe(0);
  });
});

describe("shardOf", () => {
  it("splits paths deterministically over every shard", () => {
    const paths = Array.from({ length: 400 }, (_, i) => `src/m${i}.ts`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) {
      const shard = shardOf(p, 4);
      expect(shard).toBe(shardOf(p, 4));
      counts[shard - 1] = (counts[shard - 1] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(60);
  });
});
