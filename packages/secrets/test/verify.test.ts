import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotateFindings, baseUrlOf, SecretScanner, VERIFIERS, verifyCandidates, type VerifyCandidate } from "../src/index.js";
import { ALNUM, checksummed, rand } from "./fakes.js";

// `warden scan --verify` against a stand-in for each vendor on 127.0.0.1: the server answers
// the way the vendor's documented read-only endpoint does, for tokens it was told are live.

const p = (...parts: string[]): string => parts.join("");
const live = new Set<string>();
const seen: { path: string; auth: string | undefined }[] = [];
let server: Server;
let base = "";

function handle(request: IncomingMessage, response: ServerResponse): void {
  const auth = request.headers.authorization?.replace(/^Bearer /, "") ?? (request.headers["private-token"] as string | undefined);
  seen.push({ path: request.url ?? "", auth });
  const ok = auth !== undefined && live.has(auth);
  if (auth?.endsWith("RATE")) {
    response.writeHead(429).end("{}");
    return;
  }
  if (auth?.endsWith("SLOW")) return; // never answers
  switch (request.url) {
    case "/user": // GitHub
    case "/v1/models": // OpenAI
    case "/api/v4/personal_access_tokens/self": // GitLab
    case "/-/whoami": // npm
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(ok ? '{"login":"octocat"}' : '{"message":"Bad credentials"}');
      return;
    case "/v1/balance": // Stripe
      response.writeHead(ok ? 200 : 401).end("{}");
      return;
    case "/api/auth.test": // Slack answers 200 either way
      response.writeHead(200, { "content-type": "application/json" }).end(ok ? '{"ok":true,"team":"T1"}' : '{"ok":false,"error":"invalid_auth"}');
      return;
    default:
      response.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const env = (): Record<string, string> => Object.fromEntries(["GITHUB", "SLACK", "STRIPE", "OPENAI", "GITLAB", "NPM"].map((v) => [`WARDEN_VERIFY_BASE_URL_${v}`, base]));

/** Scan `text` with every detector, holding found secrets for verification as the CLI does. */
function scanHolding(text: string): { findings: ReturnType<SecretScanner["scan"]>; held: VerifyCandidate[] } {
  const held: VerifyCandidate[] = [];
  const scanner = new SecretScanner({ onSecret: (detectorId, secret, fingerprint) => held.push({ detectorId, secret, fingerprint }) });
  return { findings: scanner.scan({ path: "deploy/ci.sh", content: Buffer.from(text) }), held };
}

describe("warden scan --verify, against local stand-ins for the vendors", () => {
  it("tells live from revoked for GitHub, Slack, Stripe and OpenAI tokens found by the full scanner", async () => {
    const tokens = {
      githubLive: checksummed(p("gh", "p_")),
      githubRevoked: checksummed(p("gh", "p_")),
      slackLive: `${p("xo", "xb-")}${rand("0123456789", 12)}-${rand("0123456789", 13)}-${rand(ALNUM, 24)}`,
      slackRevoked: `${p("xo", "xb-")}${rand("0123456789", 12)}-${rand("0123456789", 13)}-${rand(ALNUM, 24)}`,
      stripeLive: `${p("sk", "_live_")}${rand(ALNUM, 24)}`,
      openaiRevoked: `${p("sk-", "proj-")}${rand(ALNUM, 80)}`,
    };
    live.add(tokens.githubLive).add(tokens.slackLive).add(tokens.stripeLive);
    const text = Object.entries(tokens).map(([name, token]) => `${name.toUpperCase()}=${token}`).join("\n");
    const { findings, held } = scanHolding(`${text}\n`);
    expect(findings).toHaveLength(6);
    const results = await verifyCandidates(held, { env: env(), perSecond: 50 });
    const annotated = annotateFindings(findings, results);
    const byLine = (line: number) => annotated.find((f) => f.line === line);
    expect(byLine(1)?.message).toContain("verified: live (github");
    expect(byLine(1)?.severity).toBe("error");
    expect(byLine(2)?.message).toContain("verified: revoked (github");
    expect(byLine(2)?.severity).toBe("warn");
    expect(byLine(3)?.message).toContain("verified: live (slack");
    expect(byLine(4)?.message).toContain("verified: revoked (slack");
    expect(byLine(5)?.message).toContain("verified: live (stripe");
    expect(byLine(6)?.message).toContain("verified: revoked (openai");
    // Each vendor was asked at its documented read-only endpoint, with the token in a header.
    expect(new Set(seen.map((s) => s.path))).toEqual(new Set(["/user", "/api/auth.test", "/v1/balance", "/v1/models"]));
    for (const token of Object.values(tokens)) expect(seen.some((s) => s.auth === token)).toBe(true);
    // No message holds a token.
    for (const finding of annotated) for (const token of Object.values(tokens)) expect(finding.message).not.toContain(token.slice(0, 12));
  });

  it("caches answers by fingerprint only, and asks again only for what it does not know", async () => {
    const token = checksummed(p("gh", "p_"));
    live.add(token);
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), "warden-verify-")), "verify.json");
    const { held } = scanHolding(`GITHUB_TOKEN=${token}\n`);
    const before = seen.length;
    const first = await verifyCandidates(held, { env: env(), cacheFile });
    expect([...first.values()].map((r) => [r.status, r.cached])).toEqual([["live", false]]);
    expect(seen.length).toBe(before + 1);
    const second = await verifyCandidates(held, { env: env(), cacheFile });
    expect([...second.values()].map((r) => [r.status, r.cached])).toEqual([["live", true]]);
    expect(seen.length).toBe(before + 1);
    const bytes = readFileSync(cacheFile, "utf8");
    expect(bytes).toContain(held[0]!.fingerprint);
    expect(bytes).not.toContain(token.slice(4, 16));
    // Expired entries are asked again.
    await verifyCandidates(held, { env: env(), cacheFile, now: () => Date.now() + 2 * 24 * 3600 * 1000 });
    expect(seen.length).toBe(before + 2);
  });

  it("reports a rate limit and a timeout as not verified, keeping the severity", async () => {
    const rated = `${p("sk-", "proj-")}${rand(ALNUM, 76)}RATE`;
    const slow = `${p("sk-", "proj-")}${rand(ALNUM, 76)}SLOW`;
    const { findings, held } = scanHolding(`A=${rated}\nB=${slow}\n`);
    const results = await verifyCandidates(held, { env: env(), timeoutMs: 300, perSecond: 50 });
    const annotated = annotateFindings(findings, results);
    expect(annotated.map((f) => f.severity)).toEqual(["error", "error"]);
    expect(annotated[0]?.message).toContain("not verified: rate limited by the vendor");
    expect(annotated[1]?.message).toContain("not verified: no answer within 300 ms");
  });

  it("never sends a credential to a non-loopback override, and has a check for the four named vendors", () => {
    expect(() => baseUrlOf(VERIFIERS["github-pat"]!, { WARDEN_VERIFY_BASE_URL_GITHUB: "https://evil.example.com" })).toThrow(/127\.0\.0\.1/);
    expect(baseUrlOf(VERIFIERS["github-pat"]!, {})).toBe("https://api.github.com");
    for (const id of ["github-pat", "slack-bot-token", "stripe-secret-key", "openai-api-key"]) expect(VERIFIERS[id]).toBeDefined();
  });
});
