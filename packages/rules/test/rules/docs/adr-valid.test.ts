import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docs/adr-valid";

describe(RULE, () => {
  it("reports each kind of drift with its file and line", async () => {
    expect(summary(await checkFixture(RULE, "bad"))).toEqual([
      ["docs/adr/0001-use-postgres.md", 2, "ADR-0001 and ADR-0003 do not link both ways: ADR-0001 lacks `superseded-by`."],
      ["docs/adr/0001-use-postgres.md", 10, "ADR-0009 is referenced but no such record exists."],
      ["docs/adr/0002-approve-queues.md", 2, 'Status "approved" is not one of: proposed, accepted, deprecated, superseded.'],
      ["docs/adr/0002-duplicate-number.md", 1, "ADR-0002 is numbered again (first in docs/adr/0002-approve-queues.md)."],
      ["docs/adr/0003-use-sqlite.md", 1, "The record lacks the section(s): Consequences."],
      ["docs/adr/0003-use-sqlite.md", 6, "`affects:` glob src/gone/** matches no file any more."],
      ["docs/adr/README.md", 3, "The ADR index is out of date."],
    ]);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("reads the records from the `dir` option", async () => {
    expect(await checkFixture(RULE, "bad", { dir: "docs/decisions" })).toEqual([]);
  });
});
