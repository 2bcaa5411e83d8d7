import { rmSync } from "node:fs";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitSource, diffPackages, manifestEntries, workTreeSource, type PackageApiDiff } from "../src/index.js";

/**
 * One package per case: `base` is committed, `head` is written over it in the work tree, and the
 * public surface of every package is compared at once. `breaking` cases must need a major bump,
 * additive ones must not.
 */
interface Case {
  readonly name: string;
  readonly base: Record<string, string>;
  readonly head: Record<string, string>;
  readonly expect: "breaking" | "additive" | "none";
  /** The change kind the diff must contain. */
  readonly kind?: string;
}

const one = (text: string): Record<string, string> => ({ "src/index.ts": text });

const CASES: readonly Case[] = [
  // breaking
  { name: "removed-export", base: one("export function a(): void {}\nexport function b(): void {}\n"), head: one("export function a(): void {}\n"), expect: "breaking", kind: "removed" },
  { name: "renamed-export", base: one("export function load(): void {}\n"), head: one("export function read(): void {}\n"), expect: "breaking", kind: "removed" },
  { name: "new-required-param", base: one("export function f(a: string): void {}\n"), head: one("export function f(a: string, b: number): void {}\n"), expect: "breaking", kind: "parameter-added-required" },
  { name: "optional-to-required", base: one("export function f(a?: string): void {}\n"), head: one("export function f(a: string): void {}\n"), expect: "breaking", kind: "parameter-became-required" },
  { name: "narrowed-union", base: one('export function f(mode: "a" | "b" | "c"): void {}\n'), head: one('export function f(mode: "a" | "b"): void {}\n'), expect: "breaking", kind: "parameter-narrowed" },
  { name: "widened-return", base: one("export function f(): string { return ''; }\n"), head: one("export function f(): string | undefined { return ''; }\n"), expect: "breaking", kind: "return-widened" },
  { name: "interface-member-removed", base: one("export interface O { a: string; b: number }\n"), head: one("export interface O { a: string }\n"), expect: "breaking", kind: "member-removed" },
  { name: "enum-member-removed", base: one("export enum E { A, B, C }\n"), head: one("export enum E { A, B }\n"), expect: "breaking", kind: "enum-member-removed" },
  {
    name: "re-export-dropped",
    base: { "src/index.ts": 'export * from "./a.js";\nexport * from "./b.js";\n', "src/a.ts": "export const a = 1;\n", "src/b.ts": "export function b(): number { return 2; }\n" },
    head: { "src/index.ts": 'export * from "./a.js";\n', "src/a.ts": "export const a = 1;\n", "src/b.ts": "export function b(): number { return 2; }\n" },
    expect: "breaking",
    kind: "removed",
  },
  { name: "kind-changed", base: one("export class Shape { area(): number { return 0; } }\n"), head: one("export interface Shape { area(): number }\n"), expect: "breaking", kind: "kind-changed" },
  { name: "param-type-changed", base: one("export function f(a: string): void {}\n"), head: one("export function f(a: number): void {}\n"), expect: "breaking", kind: "parameter-changed" },
  { name: "class-method-removed", base: one("export class C { run(): void {} stop(): void {} }\n"), head: one("export class C { run(): void {} }\n"), expect: "breaking", kind: "member-removed" },
  { name: "class-method-made-private", base: one("export class C { run(): void {} }\n"), head: one("export class C { private run(): void {} }\n"), expect: "breaking", kind: "member-removed" },
  { name: "enum-value-changed", base: one('export enum E { A = "a" }\n'), head: one('export enum E { A = "x" }\n'), expect: "breaking", kind: "enum-member-changed" },
  { name: "type-alias-changed", base: one('export type Mode = "fast" | "slow";\n'), head: one('export type Mode = "fast";\n'), expect: "breaking", kind: "type-changed" },
  { name: "param-removed", base: one("export function f(a: string, b: string): void {}\n"), head: one("export function f(a: string): void {}\n"), expect: "breaking", kind: "parameter-removed" },
  { name: "interface-new-required-member", base: one("export interface Plugin { name: string }\n"), head: one("export interface Plugin { name: string; setup(): void }\n"), expect: "breaking", kind: "member-added" },
  { name: "property-optional-to-required", base: one("export interface O { a?: string }\n"), head: one("export interface O { a: string }\n"), expect: "breaking", kind: "member-changed" },
  { name: "variable-type-changed", base: one("export const limit: number = 3;\n"), head: one("export const limit: string = '3';\n"), expect: "breaking", kind: "type-changed" },
  { name: "return-changed", base: one("export function f(): string { return ''; }\n"), head: one("export function f(): number { return 0; }\n"), expect: "breaking", kind: "return-changed" },
  {
    name: "overload-removed",
    base: one("export function f(a: string): string;\nexport function f(a: number): number;\nexport function f(a: unknown): unknown { return a; }\n"),
    head: one("export function f(a: string): string;\nexport function f(a: unknown): unknown { return a; }\n"),
    expect: "breaking",
    kind: "signature-removed",
  },
  { name: "inferred-return-widened", base: one("export function f() { return String(1); }\n"), head: one("export function f(x?: boolean) { return x ? undefined : String(1); }\n"), expect: "breaking", kind: "return-widened" },
  { name: "constructor-new-required-param", base: one("export class C { constructor(a: string) { void a; } }\n"), head: one("export class C { constructor(a: string, b: number) { void a; void b; } }\n"), expect: "breaking", kind: "parameter-added-required" },
  // additive
  { name: "new-export", base: one("export function a(): void {}\n"), head: one("export function a(): void {}\nexport function b(): void {}\n"), expect: "additive", kind: "added" },
  { name: "new-optional-param", base: one("export function f(a: string): void {}\n"), head: one("export function f(a: string, b?: number): void {}\n"), expect: "additive", kind: "parameter-added-optional" },
  { name: "widened-param", base: one('export function f(mode: "a" | "b"): void {}\n'), head: one('export function f(mode: "a" | "b" | "c"): void {}\n'), expect: "additive", kind: "parameter-widened" },
  { name: "new-optional-interface-member", base: one("export interface O { a: string }\n"), head: one("export interface O { a: string; b?: number }\n"), expect: "additive", kind: "member-added" },
  { name: "enum-member-added", base: one("export enum E { A, B }\n"), head: one("export enum E { A, B, C }\n"), expect: "additive", kind: "enum-member-added" },
  { name: "return-narrowed", base: one("export function f(): string | undefined { return ''; }\n"), head: one("export function f(): string { return ''; }\n"), expect: "additive", kind: "return-narrowed" },
  { name: "class-new-method", base: one("export class C { run(): void {} }\n"), head: one("export class C { run(): void {} stop(): void {} }\n"), expect: "additive", kind: "member-added" },
  { name: "param-became-optional", base: one("export function f(a: string): void {}\n"), head: one("export function f(a?: string): void {}\n"), expect: "additive", kind: "parameter-became-optional" },
  { name: "default-valued-param-added", base: one("export function f(a: string): void {}\n"), head: one("export function f(a: string, b = 2): void {}\n"), expect: "additive", kind: "parameter-added-optional" },
  {
    name: "re-export-added",
    base: { "src/index.ts": 'export * from "./a.js";\n', "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 2;\n" },
    head: { "src/index.ts": 'export * from "./a.js";\nexport * from "./b.js";\n', "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 2;\n" },
    expect: "additive",
    kind: "added",
  },
  // no change to the surface
  { name: "body-refactor", base: one("export function f(a: string): number { return a.length; }\n"), head: one("export function f(a: string): number {\n  const n = a.length;\n  return n;\n}\n"), expect: "none" },
  {
    name: "private-file-changed",
    base: { "src/index.ts": 'export { a } from "./a.js";\n', "src/a.ts": "export const a = 1;\nexport function hidden(): void {}\n" },
    head: { "src/index.ts": 'export { a } from "./a.js";\n', "src/a.ts": "export const a = 1;\n" },
    expect: "none",
  },
];

function manifest(name: string): string {
  return JSON.stringify({ name: `@fx/${name}`, version: "1.0.0", type: "module", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } }, null, 2);
}

describe("public API diff (ts-morph)", () => {
  let repo: TempRepo;
  let diffs: Map<string, PackageApiDiff>;

  beforeAll(async () => {
    repo = gitRepo({ "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }) });
    for (const c of CASES) {
      repo.write({ [`packages/${c.name}/package.json`]: manifest(c.name) });
      repo.write(Object.fromEntries(Object.entries(c.base).map(([f, t]) => [`packages/${c.name}/${f}`, t])));
    }
    repo.commit("feat: base");
    for (const c of CASES) {
      for (const f of Object.keys(c.base)) rmSync(`${repo.dir}/packages/${c.name}/${f}`, { force: true });
      repo.write(Object.fromEntries(Object.entries(c.head).map(([f, t]) => [`packages/${c.name}/${f}`, t])));
    }
    const result = await diffPackages(commitSource(repo.dir, "HEAD"), workTreeSource(repo.dir), CASES.map((c) => `packages/${c.name}`));
    diffs = new Map(result.map((d) => [d.dir.replace("packages/", ""), d]));
  }, 120_000);

  afterAll(() => repo.cleanup());

  it("has at least 25 cases, breaking and additive", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => c.expect === "breaking").length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => c.expect === "additive").length).toBeGreaterThanOrEqual(8);
  });

  for (const c of CASES) {
    it(`${c.expect}: ${c.name}`, () => {
      const diff = diffs.get(c.name);
      expect(diff, `no diff for ${c.name}`).toBeDefined();
      const changes = diff?.changes ?? [];
      if (c.expect === "none") {
        expect(changes).toEqual([]);
        expect(diff?.required).toBe("none");
        return;
      }
      if (c.kind !== undefined) expect(changes.map((x) => x.kind), JSON.stringify(changes)).toContain(c.kind);
      if (c.expect === "breaking") {
        expect(changes.some((x) => x.level === "breaking"), JSON.stringify(changes)).toBe(true);
        expect(diff?.required).toBe("major");
      } else {
        expect(changes.filter((x) => x.level === "breaking"), JSON.stringify(changes)).toEqual([]);
        expect(diff?.required).toBe("minor");
      }
      for (const x of changes) {
        expect(x.file).toMatch(new RegExp(`^packages/${c.name}/src/`));
        expect(x.line).toBeGreaterThanOrEqual(1);
      }
    });
  }

  it("names the symbol, the before and the after", () => {
    const change = diffs.get("narrowed-union")?.changes.find((c) => c.kind === "parameter-narrowed");
    expect(change).toMatchObject({ symbol: "f", before: '"a" | "b" | "c"', after: '"a" | "b"', file: "packages/narrowed-union/src/index.ts", line: 1 });
  });

  it("0.x packages need a minor for a break unless configured otherwise", async () => {
    const zero = gitRepo({ "package.json": JSON.stringify({ name: "@fx/zero", version: "0.3.0", exports: "./src/index.ts" }), "src/index.ts": "export function a(): void {}\n" });
    try {
      zero.commit("feat: base");
      zero.write({ "src/index.ts": "export function b(): void {}\n" });
      const [minor] = await diffPackages(commitSource(zero.dir, "HEAD"), workTreeSource(zero.dir), ["."]);
      expect(minor?.required).toBe("minor");
      const [major] = await diffPackages(commitSource(zero.dir, "HEAD"), workTreeSource(zero.dir), ["."], { zeroMajor: "major" });
      expect(major?.required).toBe("major");
    } finally {
      zero.cleanup();
    }
  });
});

describe("manifestEntries", () => {
  it("takes every exports subpath with the best condition, skipping json and patterns", () => {
    expect(
      manifestEntries({
        exports: { ".": { source: "./src/index.ts", types: "./dist/index.d.ts" }, "./client": { import: "./dist/client.js" }, "./package.json": "./package.json", "./*": "./dist/*.js" },
      }),
    ).toEqual(["./src/index.ts", "./dist/client.js"]);
    expect(manifestEntries({ main: "lib/index.js", types: "lib/index.d.ts" })).toEqual(["lib/index.d.ts"]);
    expect(manifestEntries({ exports: "./index.js" })).toEqual(["./index.js"]);
  });
});
