import { describe, expect, it } from "vitest";
import { renderFindingsMarkdown } from "../src/markdown.js";

describe("renderFindingsMarkdown", () => {
  it("shows a report's notes (a range whose commits got past the hooks) under its heading", () => {
    const note = "hooks bypassed: 1 commit (0123456789) holds 1 error that Warden's pre-commit and pre-push hooks refuse";
    const text = renderFindingsMarkdown([{ tool: "check", findings: [], files: 3, notes: [note] }], { limitBytes: 65_535, elsewhere: "" });
    expect(text.split("\n").slice(0, 3)).toEqual(["### warden check: no findings (3 files checked)", "", `> **Note:** ${note}`]);
    expect(renderFindingsMarkdown([{ tool: "check", findings: [], files: 3 }], { limitBytes: 65_535, elsewhere: "" })).not.toContain("Note:");
  });
});
