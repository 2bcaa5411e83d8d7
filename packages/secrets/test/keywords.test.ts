import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordAutomaton } from "../src/keywords.js";

// The automaton against the obvious search: every case-insensitive occurrence of every keyword,
// overlapping ones included, reported in order of end. Buffers of 4 KiB and more are walked as
// four interleaved stretches, so the properties run on both sides of that size and with keywords
// planted across the stretch boundaries.

function naive(keywords: readonly string[], bytes: Buffer): [number, number][] {
  const text = bytes.toString("latin1").toLowerCase();
  const hits: [number, number, number][] = [];
  keywords.forEach((keyword, index) => {
    const needle = keyword.toLowerCase();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) hits.push([at, index, at + needle.length]);
  });
  // Order of end; for one end, the order the automaton lists a state's outputs is its own, so sort by keyword too.
  hits.sort((a, b) => a[2] - b[2] || a[1] - b[1]);
  return hits.map(([at, index]) => [at, index]);
}

function run(automaton: KeywordAutomaton, bytes: Buffer): [number, number][] {
  const hits: [number, number][] = [];
  automaton.scan(bytes, (at, keyword) => hits.push([at, keyword]));
  const ends = hits.map(([at, keyword]) => at + (automaton.keywords[keyword] as string).length);
  for (let i = 1; i < ends.length; i += 1) expect(ends[i]).toBeGreaterThanOrEqual(ends[i - 1] as number);
  return hits.sort((a, b) => a[0] + (automaton.keywords[a[1]] as string).length - (b[0] + (automaton.keywords[b[1]] as string).length) || a[1] - b[1]);
}

const KEYWORDS = ["password", "pass", "ss", "://", "ghp_", "begin rsa private key", "a", "xoxb-"];

describe("KeywordAutomaton", () => {
  it("finds overlapping, nested and upper-case occurrences in a short buffer", () => {
    const automaton = new KeywordAutomaton(KEYWORDS);
    const bytes = Buffer.from("PASSWORD=x; see https://host; GHP_ and xoxb-", "latin1");
    expect(run(automaton, bytes)).toEqual(naive(KEYWORDS, bytes));
    expect(run(automaton, bytes).length).toBeGreaterThanOrEqual(8);
  });

  it("finds keywords that straddle the boundaries of the interleaved stretches", () => {
    const automaton = new KeywordAutomaton(KEYWORDS);
    const size = 4096 * 3 + 7;
    const quarter = Math.floor(size / 4);
    const bytes = Buffer.alloc(size, ".");
    for (const boundary of [quarter, 2 * quarter, 3 * quarter]) {
      // One keyword ending just before, one crossing, one starting at the boundary.
      bytes.write("ghp_", boundary - 4, "latin1");
      bytes.write("begin rsa private key", boundary - 10, "latin1");
      bytes.write("xoxb-", boundary + 12, "latin1");
    }
    bytes.write("password", size - 8, "latin1"); // ends on the last byte
    const hits = run(automaton, bytes);
    expect(hits).toEqual(naive(KEYWORDS, bytes));
    const names = hits.map(([, keyword]) => automaton.keywords[keyword]);
    expect(names.filter((name) => name === "begin rsa private key")).toHaveLength(3);
    expect(names.filter((name) => name === "password")).toHaveLength(1);
  });

  it("agrees with a naive search on random buffers of every size", () => {
    const automaton = new KeywordAutomaton(KEYWORDS);
    const piece = fc.oneof(
      fc.constantFrom(...KEYWORDS, ...KEYWORDS.map((k) => k.toUpperCase()), "PaSsWoRd", "\n", "\0"),
      fc.string({ unit: "binary-ascii", maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 600 }), fc.nat(9000), (pieces, padding) => {
        const bytes = Buffer.from(".".repeat(padding % 5000) + pieces.join(""), "latin1");
        expect(run(automaton, bytes)).toEqual(naive(KEYWORDS, bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("handles an empty buffer and a keyword set with no hits", () => {
    const automaton = new KeywordAutomaton(["token"]);
    expect(run(automaton, Buffer.alloc(0))).toEqual([]);
    expect(run(automaton, Buffer.alloc(10000, "x"))).toEqual([]);
  });
});
