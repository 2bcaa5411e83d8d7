// Generates the secret-scan benchmark corpus: source-like text (TypeScript, Python, YAML, JSON,
// lockfile-style hashes) with secrets of mixed formats planted at known places. Everything is
// derived from a seed, so the corpus is the same on every run. Fake secrets are made here at run
// time; the repository holds no whole token.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}_-`;
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value) {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = digits[rest % 62] + out;
  return out.padStart(6, "0");
}

const j = (...parts) => parts.join("");

/** Planted formats: each returns the lines to insert (the secret is on the first line). */
export function formats(rand) {
  const r = (chars, n) => {
    let out = "";
    for (let i = 0; i < n; i += 1) out += chars[Math.floor(rand() * chars.length)];
    return out;
  };
  const checksummed = (prefix) => {
    const body = r(ALNUM, 30);
    return j(prefix, body, base62(crc32(body)));
  };
  const pem = (label, lines) => [`-----BEGIN ${label}-----`, ...Array.from({ length: lines }, () => r(B64, 64)), `-----END ${label}-----`];
  const jwt = () => {
    const enc = (v) => Buffer.from(JSON.stringify(v)).toString("base64url");
    return `${enc({ alg: "HS256", typ: "JWT" })}.${enc({ sub: r(HEX, 12), iat: 1700000000 })}.${r(URLSAFE, 43)}`;
  };
  return {
    "github-pat": () => [`const githubToken = "${checksummed(j("gh", "p_"))}";`],
    "aws-access-key": () => [`aws_access_key_id = ${j("AK", "IA")}${r(B32, 16)}`, `aws_secret_access_key = ${r(B64, 37)}aB3`],
    "stripe-live-key": () => [`stripe.api_key = "${j("sk", "_live_")}${r(ALNUM, 32)}"`],
    "slack-bot-token": () => [`SLACK_BOT_TOKEN: ${j("xo", "xb-")}${r("0123456789", 12)}-${r("0123456789", 12)}-${r(ALNUM, 24)}`],
    "google-api-key": () => [`  "apiKey": "${j("AI", "za")}${r(URLSAFE, 35)}",`],
    "openai-key": () => [`OPENAI_API_KEY=${j("sk-", "proj-")}${r(URLSAFE, 120)}`],
    "anthropic-key": () => [`client = Anthropic(api_key="${j("sk-", "ant-", "api03-")}${r(URLSAFE, 93)}AA")`],
    "npm-token": () => [`//registry.npmjs.org/:_authToken=${checksummed(j("np", "m_"))}`],
    "sendgrid-key": () => [`const sg = "${j("S", "G.")}${r(URLSAFE, 22)}.${r(URLSAFE, 43)}";`],
    "ec-private-key": () => pem(j("EC PRIVATE", " KEY"), 3),
    "rsa-private-key": () => pem(j("RSA PRIVATE", " KEY"), 25),
    "postgres-url": () => [`DATABASE_URL=postgres://app:${r(ALNUM, 20)}@db.internal:5432/app`],
    "gitlab-pat": () => [`GITLAB_TOKEN=${j("gl", "pat-")}${r(URLSAFE, 20)}`],
    jwt: () => [`const session = "${jwt()}";`],
  };
}

// Words for identifiers. Secret-sounding words come in through a few line shapes only, at about
// the density measured on real code (TypeScript's compiler source: one keyword hit per ~800 bytes).
const WORDS =
  "user account order payment invoice session request response client server config options value result error handler router service module index item list map cache queue event message stream buffer hash digest file path name data state store context".split(
    " ",
  );

function linePool(rand, size) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
  const hex = (n) => Array.from({ length: n }, () => HEX[Math.floor(rand() * 16)]).join("");
  const b64 = (n) => Array.from({ length: n }, () => B64[Math.floor(rand() * 64)]).join("");
  const makers = [
    () => `export function ${ident()}(${ident()}: string, ${ident()}: number): Promise<${pick(["void", "string", "number"])}> {`,
    () => `  const ${ident()} = await this.${ident()}.${ident()}(${ident()}, { retries: ${Math.floor(rand() * 9)} });`,
    () => `  if (!${ident()}) throw new Error("${pick(WORDS)} ${pick(WORDS)} is missing");`,
    () => `  return ${ident()}.map((${pick(WORDS)}) => ${pick(WORDS)}.${ident()} ?? null);`,
    () => "}",
    () => "",
    () => `// ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}: see https://example.com/docs/${pick(WORDS)}`,
    () => `import { ${ident()}, ${ident()} } from "./${pick(WORDS)}/${pick(WORDS)}.js";`,
    () => `def ${pick(WORDS)}_${pick(WORDS)}(self, ${pick(WORDS)}, ${pick(WORDS)}=None):`,
    () => `    ${pick(WORDS)}_${pick(WORDS)} = os.environ.get("${pick(WORDS).toUpperCase()}_${pick(WORDS).toUpperCase()}")`,
    () => `  ${pick(WORDS)}: ${pick(["true", "false", "3", "\"v1\"", "\"${pick(WORDS)}\""])}`,
    () => `    "${pick(WORDS)}": "${pick(WORDS)}-${hex(8)}",`,
    () => `  integrity sha512-${b64(86)}==`,
    () => `  commit ${hex(40)} ${pick(WORDS)} ${pick(WORDS)}`,
  ];
  // Lines with secret-sounding words and URLs: about one in 25 lines, as in real code.
  const rare = [
    () => `  resolved "https://registry.example.org/${pick(WORDS)}/-/${pick(WORDS)}-1.${Math.floor(rand() * 20)}.0.tgz#${hex(40)}"`,
    () => `  const ${pick(WORDS)}Token = options.${pick(WORDS)}Token ?? (await read${ident()}());`,
    () => "  password: process.env.DB_PASSWORD,",
    () => `  ${pick(WORDS)}: \${{ secrets.DEPLOY_TOKEN }}`,
    () => `    if (!this.secret) throw new Error("the ${pick(WORDS)} secret is not configured");`,
  ];
  return Array.from({ length: size }, () => {
    const list = rand() < 0.04 ? rare : makers;
    return list[Math.floor(rand() * list.length)]();
  });
}

/**
 * Write about `bytes` of text as files of about `fileBytes` under `dir`, with `count` planted
 * secrets cycling through every format. Returns the manifest: one entry per planted secret with
 * its format, file (relative), 1-based first line and number of lines.
 */
export function generateCorpus(dir, { bytes, count, seed = 7, fileBytes = 1 << 20, prefix = "" }) {
  const rand = prng(seed);
  const pool = linePool(rand, 20000);
  const make = formats(rand);
  const names = Object.keys(make);
  const files = Math.max(1, Math.ceil(bytes / fileBytes));
  const exts = [".ts", ".py", ".yml", ".json", ".js", ".lock"];
  const plantAt = new Map();
  for (let i = 0; i < count; i += 1) {
    const file = Math.floor((i * files) / count + rand() * (files / count));
    const list = plantAt.get(Math.min(file, files - 1)) ?? [];
    list.push(names[i % names.length]);
    plantAt.set(Math.min(file, files - 1), list);
  }
  const manifest = [];
  for (let f = 0; f < files; f += 1) {
    const rel = `${prefix}src/${String(Math.floor(f / 100)).padStart(3, "0")}/${String(f).padStart(5, "0")}${exts[f % exts.length]}`;
    const lines = [];
    let size = 0;
    const planted = plantAt.get(f) ?? [];
    const at = planted.map(() => Math.floor(rand() * 8000) + 10).sort((a, b) => a - b);
    let next = 0;
    while (size < fileBytes) {
      if (next < planted.length && lines.length >= at[next]) {
        const format = planted[next];
        const insert = make[format]();
        manifest.push({ format, file: rel, line: lines.length + 1, span: insert.length });
        for (const l of insert) {
          lines.push(l);
          size += l.length + 1;
        }
        next += 1;
        continue;
      }
      const l = pool[Math.floor(rand() * pool.length)];
      lines.push(l);
      size += l.length + 1;
    }
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${lines.join("\n")}\n`);
  }
  return manifest;
}
