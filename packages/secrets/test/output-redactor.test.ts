import { describe, expect, it } from "vitest";
import { redactLayout, redactText } from "@warden/core";
import { createOutputRedactor } from "../src/index.js";
import { ALNUM, checksummed, pem, rand } from "./fakes.js";

const redactor = createOutputRedactor();
const p = (...parts: string[]): string => parts.join("");

describe("createOutputRedactor: every content detector at the output boundary", () => {
  it("masks tokens of several formats wherever they sit in printed text, offsets right after non-Latin-1 characters", () => {
    const github = checksummed(p("gh", "p_"));
    const stripe = `${p("sk", "_live_")}${rand(ALNUM, 24)}`;
    const text = `✖ — “unknown key” "${github}" — ✔ ${stripe}\n`;
    const out = redactText(text, redactor);
    expect(out).toBe(`✖ — “unknown key” "${github.slice(0, 4)}********" — ✔ ${stripe.slice(0, 4)}********\n`);
  });

  it("ignores inline ignore markers, which decide what a scan reports, not what may be printed", () => {
    const github = checksummed(p("gh", "p_"));
    const out = redactText(`const t = "${github}"; // warden-ignore-secret -- test fixture\n`, redactor);
    expect(out).not.toContain(github);
  });

  it("masks a key block in source with its layout kept, so no body line survives in a code frame", () => {
    const block = pem(p("RSA PRIVATE", " KEY"));
    const source = `console.log(\`${block}\`);\n`;
    const out = redactLayout(source, redactor);
    expect(out).toHaveLength(source.length);
    expect(out.split("\n")).toHaveLength(source.split("\n").length);
    for (const line of block.split("\n").slice(1, -2)) expect(out).not.toContain(line);
  });

  it("finds nothing in ordinary output", () => {
    expect(redactor.find("✔ warden check: no problems (12 files in 80 ms)\nsrc/a.ts:1:1  error  `console.log` in library code.  logging/no-console\n")).toEqual([]);
  });
});
