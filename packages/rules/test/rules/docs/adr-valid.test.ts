import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "docs/adr-valid";

describe(RULE, () => {
  it("reports each kind of drift with its file and line", async () => {
    expect(locations(await checkFixture(RULE, "bad"))).toEqual([
      ["docs/adr/0001-use-postgres.md", 2, 1, "supersedeLink"],
      ["docs/adr/0001-use-postgres.md", 10, 1, "dangling"],
      ["docs/adr/0002-approve-queues.md", 2, 1, "status"],
      ["docs/adr/0002-duplicate-number.md", 1, 1, "duplicate"],
      ["docs/adr/0003-use-sqlite.md", 1, 1, "sections"],
      ["docs/adr/0003-use-sqlite.md", 6, 1, "affects"],
      ["docs/adr/README.md", 3, 1, "index"],
    ]);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("reads the records from the `dir` option", async () => {
    expect(await checkFixture(RULE, "bad", { dir: "docs/decisions" })).toEqual([]);
  });
});
