import { describe, expect, it } from "vitest";
import { evaluateGate, GateOptionsSchema } from "../src/index.js";

const packages = [
  { dir: "packages/api", name: "@fx/api" },
  { dir: "packages/api/plugins/auth", name: "@fx/auth" },
  { dir: "packages/web", name: "@fx/web" },
];
const options = GateOptionsSchema.parse({});
const commit = (oid: string, files: string[], message = "fix: x\n") => ({ oid: oid.repeat(40).slice(0, 40), message, files });

describe("evaluateGate", () => {
  it("assigns a file to the package with the longest folder prefix", () => {
    const result = evaluateGate({ packages, commits: [commit("a", ["packages/api/plugins/auth/src/index.ts"])], changesets: [], options });
    expect(result.missing.map((m) => [m.pkg.name, m.files])).toEqual([["@fx/auth", ["packages/api/plugins/auth/src/index.ts"]]]);
  });

  it("is satisfied by a changeset naming the package at any bump but none", () => {
    const commits = [commit("a", ["packages/web/src/a.ts"])];
    expect(evaluateGate({ packages, commits, changesets: [{ file: ".changeset/x.md", text: '---\n"@fx/web": patch\n---\n\nx\n' }], options }).missing).toEqual([]);
    expect(evaluateGate({ packages, commits, changesets: [{ file: ".changeset/x.md", text: '---\n"@fx/web": none\n---\n\nx\n' }], options }).missing).toHaveLength(1);
  });

  it("reports, with checkUnchanged, a changeset added in the range naming a package with no shipped change", () => {
    const commits = [commit("a", ["packages/web/src/a.ts", ".changeset/x.md"])];
    const changesets = [{ file: ".changeset/x.md", text: '---\n"@fx/web": patch\n"@fx/api": patch\n---\n\nx\n' }];
    expect(evaluateGate({ packages, commits, changesets, options }).unchanged).toEqual([]);
    expect(evaluateGate({ packages, commits, changesets, options: { ...options, checkUnchanged: true } }).unchanged).toEqual([{ file: ".changeset/x.md", name: "@fx/api" }]);
  });

  it("honours the trailer in any commit of the range and an empty changeset with a reason, but not an empty reason", () => {
    const changed = commit("a", ["packages/web/src/a.ts"]);
    const trailer = evaluateGate({ packages, commits: [changed, commit("b", ["README.md"], "docs: x\n\nChangeset: none -- docs only\n")], changesets: [], options });
    expect(trailer.missing).toEqual([]);
    expect(trailer.waivers).toEqual([{ source: "commit bbbbbbbbbbbb", reason: "docs only" }]);
    const empty = evaluateGate({ packages, commits: [changed], changesets: [{ file: ".changeset/none.md", text: "---\n---\n\nRefactor only.\n" }], options });
    expect(empty.waivers).toEqual([{ source: ".changeset/none.md", reason: "Refactor only." }]);
    const noReason = evaluateGate({ packages, commits: [changed], changesets: [{ file: ".changeset/none.md", text: "---\n---\n" }], options });
    expect(noReason.missing).toHaveLength(1);
  });

  it("never repeats an unreadable changeset's contents", () => {
    const secretish = "ghp_" + "x".repeat(36);
    const result = evaluateGate({ packages, commits: [], changesets: [{ file: ".changeset/bad.md", text: `---\n${secretish}: [\n---\n` }], options });
    expect(result.invalid).toHaveLength(1);
    expect(JSON.stringify(result.invalid)).not.toContain(secretish);
  });
});
