import { describe, expect, it } from "vitest";
import { base62, crc32, defineDetector, redact, SecretScanner, shannonEntropy, utf16Encoding, validTokenChecksum } from "../src/index.js";
import { checksummed } from "./fakes.js";

describe("redact", () => {
  it("shows at most four characters and never the length", () => {
    expect(redact("abcdefghijklmnopqrstuvwxyz")).toBe("abcd********");
    expect(redact("hunter22")).toBe("hu********");
    expect(redact("abc")).toBe("********");
  });
});

describe("checksums", () => {
  it("computes zlib's CRC-32 and base62", () => {
    expect(crc32("123456789")).toBe(0xcbf43926); // the standard CRC-32 check value
    expect(base62(61, 3)).toBe("00z");
    expect(base62(62, 1)).toBe("10");
  });
  it("accepts a token whose last six characters are the checksum of the first thirty", () => {
    const token = checksummed("x");
    expect(validTokenChecksum(token.slice(1))).toBe(true);
    expect(validTokenChecksum(`${token.slice(1, 31)}000000`)).toBe(false);
  });
  it("a GitHub token with a wrong checksum is a warning, not an error", () => {
    const good = checksummed(["gh", "p_"].join(""));
    const bad = `${good.slice(0, -6)}${good.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    const scanner = new SecretScanner();
    const [g] = scanner.scan({ path: "a.ts", content: `t = "${good}"` });
    const [b] = scanner.scan({ path: "a.ts", content: `t = "${bad}"` });
    expect(g).toMatchObject({ severity: "error", message: expect.stringContaining("checksum valid") });
    expect(b).toMatchObject({ severity: "warn", message: expect.stringContaining("checksum does not match") });
  });
});

describe("entropy", () => {
  it("is 0 for one repeated character and log2(n) for n distinct ones", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
});

describe("SecretScanner", () => {
  const token = checksummed(["gh", "p_"].join(""));

  it("fingerprints by detector and secret: stable across files, lines and commits", () => {
    const scanner = new SecretScanner();
    const [a] = scanner.scan({ path: "a.ts", content: `x = "${token}"` });
    const [b] = scanner.scan({ path: "b/c.ts", content: `\n\n  y = '${token}'`, commit: "c".repeat(40) });
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(b).toMatchObject({ line: 3, column: 8, commit: "c".repeat(40) });
  });

  it("maps patch lines to file lines", () => {
    const scanner = new SecretScanner();
    const [f] = scanner.scan({ path: "a.ts", content: `one\nx = "${token}"`, lines: [10, 42] });
    expect(f?.line).toBe(42);
  });

  it("honours disable, allowFingerprints and the baseline, counting what it dropped", () => {
    const probe = new SecretScanner().scan({ path: "a.ts", content: token })[0]!;
    expect(new SecretScanner({ settings: { disable: ["github-pat"] } }).scan({ path: "a.ts", content: token })).toEqual([]);
    const allowed = new SecretScanner({ settings: { allowFingerprints: [probe.fingerprint] } });
    expect(allowed.scan({ path: "a.ts", content: token })).toEqual([]);
    expect(allowed.stats.allowed).toBe(1);
    const baselined = new SecretScanner({ baseline: [probe.fingerprint] });
    expect(baselined.scan({ path: "a.ts", content: token })).toEqual([]);
    expect(baselined.stats.baselined).toBe(1);
  });

  it("prefers a specific detector over the generic one on the same text", () => {
    const findings = new SecretScanner().scan({ path: "a.ts", content: `const apiToken = "${token}";` });
    expect(findings.map((f) => f.ruleId)).toEqual(["secrets/github-pat"]);
  });

  it("an inline ignore needs a reason", () => {
    const scanner = new SecretScanner();
    expect(scanner.scan({ path: "a.ts", content: `x = "${token}" // warden-ignore-secret -- sandbox token, revoked` })).toEqual([]);
    expect(scanner.scan({ path: "a.ts", content: `x = "${token}" // warden-ignore-secret` })).toHaveLength(1);
    expect(scanner.stats.suppressed).toBe(1);
  });

  it("scans binary content as raw bytes and checks the file name; reports files over the size limit as skipped", () => {
    const scanner = new SecretScanner({ settings: { maxFileSize: 100 } });
    expect(scanner.scan({ path: "k.pfx", content: Buffer.from([0, 1, token.charCodeAt(0)]) }).map((f) => f.ruleId)).toEqual(["secrets/pkcs12-file"]);
    const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), Buffer.from(`\u0000t=${token}\u0000`, "latin1"), Buffer.alloc(8, 0xff)]);
    expect(scanner.scan({ path: "app.bin", content: binary }).map((f) => f.ruleId)).toEqual(["secrets/github-pat"]);
    expect(scanner.scan({ path: "big.txt", content: `${" ".repeat(200)}${token}` })).toEqual([]);
    expect(scanner.stats).toMatchObject({
      binary: 2,
      skipped: [{ file: "big.txt", reason: "too-large", size: 240, limit: 100, setting: "secrets.maxFileSize" }],
      files: 3,
      bytes: 3 + binary.length,
    });
  });

  it("decodes UTF-16 (LE and BE, with and without a byte order mark) and finds secrets on the right line", () => {
    const text = `first line\nsecond = "${token}"\n`;
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    const variants: [string, Buffer][] = [
      ["le-bom.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ["le.txt", le],
      ["be-bom.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ["be.txt", be],
    ];
    const scanner = new SecretScanner();
    for (const [name, content] of variants) {
      expect(scanner.scan({ path: name, content }).map((f) => `${f.ruleId} ${f.line}:${f.column}`), name).toEqual(["secrets/github-pat 2:11"]);
    }
    expect(scanner.stats).toMatchObject({ utf16: 4, binary: 0 });
    // Text that only starts like a byte order mark (no NUL bytes) stays text.
    expect(utf16Encoding(Buffer.from([0xff, 0xfe, 0x80, 0x41, 0x42]))).toBe("le");
    expect(scanner.scan({ path: "latin.txt", content: Buffer.concat([Buffer.from([0xff, 0xfe, 0x80, 0x0a]), Buffer.from(`x = "${token}"\n`)]) })).toHaveLength(1);
  });

  it("scans commit messages on commit:<oid>, naming the commit", () => {
    const scanner = new SecretScanner();
    const oid = "ab".repeat(20);
    const found = scanner.scanMessage(oid, Buffer.from(`fix: rotate\n\nold one was ${token}\n`));
    expect(found.map((f) => [f.ruleId, f.file, f.line, f.commit])).toEqual([["secrets/github-pat", `commit:${oid.slice(0, 12)}`, 3, oid]]);
    expect(JSON.stringify(found)).not.toContain(token);
    expect(scanner.stats.messages).toBe(1);
  });
});

describe("window.needs", () => {
  const detector = defineDetector({
    id: "test-needs",
    name: "test credential URL",
    description: "a URL with user:password@ (test only)",
    source: "test only",
    severity: "error",
    keywords: ["://"],
    pattern: /[a-z]+:\/\/[a-z]+:(?<secret>[A-Za-z0-9]{12,})@[a-z.]+/,
    window: { before: 20, after: 100, needs: "@" },
  });
  const scanner = new SecretScanner({ detectors: [detector] });
  const secret = ["Qw7e", "Rt9y", "Ui3o"].join("");

  it("finds exactly what the pattern finds: hits without the byte after the keyword are skipped, not missed", () => {
    const text = [
      "see https://example.test/docs for more", // no @ at all
      "plain https://example.test/a and an email a@b.test on the next line",
      `db https://user:${secret}@host.test`,
      `far https://user:${secret}` + " ".repeat(150) + "@late.test", // the @ lies beyond the window
      "",
    ].join("\n");
    const found = scanner.scanText("a.txt", text);
    expect(found.map((f) => f.line)).toEqual([3]);
    expect(found[0]?.message).not.toContain(secret);
  });

  it("is checked when the detector is defined", () => {
    const spec = { id: "bad-needs", name: "x", description: "x", source: "x", severity: "error" as const, keywords: ["ab"], pattern: /ab/ };
    expect(() => defineDetector({ ...spec, window: { needs: "@@" } })).toThrow(/must be one ASCII character/);
    expect(() => defineDetector({ ...spec, window: { needs: "@", multiline: true } })).toThrow(/keyword's own line only/);
  });
});
