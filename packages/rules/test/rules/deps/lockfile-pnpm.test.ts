import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "deps/lockfile";

describe(`${RULE}: pnpm overrides, patches, catalogs and multi-document lockfiles`, () => {
  it("stays clean on a workspace whose overrides (workspace yaml, pnpm.overrides), patches and catalog are installed, in a two-document lockfile", async () => {
    expect(await checkFixture(RULE, "pnpm-settings-good")).toEqual([]);
  });

  it("reports the real drift beside the same shapes: a changed range, an override, a patch and a catalog entry not installed", async () => {
    expect(locations(await checkFixture(RULE, "pnpm-settings-bad"))).toEqual([
      ["packages/app/package.json", 8, 1, "stale"],
      ["packages/app/package.json", 11, 1, "stale"],
      ["pnpm-workspace.yaml", 6, 1, "settings"],
      ["pnpm-workspace.yaml", 10, 1, "settings"],
      ["pnpm-workspace.yaml", 13, 1, "settings"],
    ]);
  });

  it("never names the same specifier as wanted and locked", async () => {
    for (const variant of ["bad", "good", "pnpm-settings-bad", "pnpm-settings-good"]) {
      for (const finding of await checkFixture(RULE, variant)) {
        const match = /is "([^"]*)" but the lockfile has "([^"]*)"/.exec(finding.message);
        if (match !== null) expect(match[1]).not.toBe(match[2]);
      }
    }
  });

  it("reads single-package lockfiles without importers (v6) and the `specifiers` map of v5", async () => {
    const manifest = JSON.stringify({ name: "one", version: "1.0.0", dependencies: { zod: "^4.1.0" } }, null, 2);
    const exists = async (file: string): Promise<boolean> => file === "pnpm-lock.yaml";
    const v6 = "lockfileVersion: '6.0'\n\ndependencies:\n  zod:\n    specifier: ^4.1.0\n    version: 4.1.12\n";
    const v5 = "lockfileVersion: 5.4\n\nspecifiers:\n  zod: ^4.1.0\n\ndependencies:\n  zod: 4.1.12\n";
    expect(await runRule(RULE, { "package.json": manifest, "pnpm-lock.yaml": v6 }, undefined, { exists, mode: "full" })).toEqual([]);
    expect(await runRule(RULE, { "package.json": manifest, "pnpm-lock.yaml": v5 }, undefined, { exists, mode: "full" })).toEqual([]);
    const stale = v6.replace("specifier: ^4.1.0", "specifier: ^4.0.0");
    expect(locations(await runRule(RULE, { "package.json": manifest, "pnpm-lock.yaml": stale }, undefined, { exists, mode: "full" }))).toEqual([["package.json", 5, 1, "stale"]]);
  });

  it("reports a lockfile with merge conflict markers once, as unreadable", async () => {
    const manifest = JSON.stringify({ name: "one", version: "1.0.0" }, null, 2);
    const conflicted = "lockfileVersion: '9.0'\n<<<<<<< HEAD\nimporters: {}\n=======\nimporters: []\n>>>>>>> main\n";
    const findings = await runRule(RULE, { "package.json": manifest, "pnpm-lock.yaml": conflicted }, undefined, { exists: async (f) => f === "pnpm-lock.yaml", mode: "full" });
    expect(locations(findings)).toEqual([["pnpm-lock.yaml", 1, 1, "unreadable"]]);
  });
});
