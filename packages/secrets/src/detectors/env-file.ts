import { definePathDetector } from "../define-detector.js";
import { commonPassword, looksLikeCode, looksMadeUp } from "./shared.js";
import { isPlaceholder, shannonEntropy } from "../entropy.js";

/** Names of variables that hold credentials. */
const SECRET_KEY = /pass(?:word|wd|phrase)?|pwd|secret|token|api_?key|apikey|access_?key|private_?key|auth|credential|session_?key|signing_?key|encryption_?key|salt|dsn|cookie_?key|license_?key|webhook/i;
/** Names that carry a secret word but name something public about it. */
const PUBLIC_KEY = /(?:^|_)(?:id|url|uri|host|port|user(?:name)?|name|region|path|file|enabled|ttl|expir\w*|timeout|length|algorithm|type|mode|header|provider|issuer|audience|public\w*|publishable\w*)$/i;

/** Prefixes of variables that front-end builds expose to the browser: Vite, Next.js, Create React App, Vue CLI, Gatsby, Expo, Nuxt, SvelteKit and Astro. */
const CLIENT_PUBLIC = /^(?:VITE_|NEXT_PUBLIC_|REACT_APP_|VUE_APP_|GATSBY_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_)/;

/** Whether a value of an .env line is a credential-looking literal (not empty, a flag or a reference). */
function secretValue(value: string): boolean {
  if (value.length < 6 || isPlaceholder(value) || looksMadeUp(value) || looksLikeCode(value) || commonPassword(value)) return false;
  if (/^(?:true|false|yes|no|on|off|null|none|development|production|staging|test|debug|info|warn|error)$/i.test(value)) return false;
  if (/^-?[0-9.]+$/.test(value)) return false; // a number, a version
  // A URL: one with a password is judged by the URL check; one without (or with an empty one) is configuration.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  // A word that calls itself a secret (`supersecret`, `mysecretpassword`): a local development stand-in.
  if (/^[a-z]*(?:secret|passw(?:or)?d|pass|token|key)[a-z]*$/i.test(value)) return false;
  return true;
}

/** A value that would be a secret under any name: long, varied and random-looking. */
function randomValue(value: string): boolean {
  if (value.length < 20 || isPlaceholder(value) || looksMadeUp(value) || looksLikeCode(value) || /\s/.test(value)) return false;
  // A URL (`postgresql://postgres:@localhost:5432/app`): its password, if any, is the URL check's to judge.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (/^[./~]|^[A-Za-z]:\\/.test(value)) return false; // a path
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2 && shannonEntropy(value) >= 4;
}

/**
 * Whether the text of an .env file holds anything secret: a secret-named variable with a literal
 * value, a URL with a password, or a random-looking value under any name. A file of ports, flags,
 * hosts and `${VAR}` references is configuration, not a leak.
 */
export function envFileHoldsSecrets(text: string): boolean {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/.exec(line);
    if (m === null) continue;
    const key = m[1] as string;
    // Variables a front-end build inlines into the code it ships to every browser (Vite's `VITE_`,
    // Next.js's `NEXT_PUBLIC_` …) are public by construction: committing them leaks nothing more.
    // A vendor's token among them is still reported by that vendor's detector.
    if (CLIENT_PUBLIC.test(key)) continue;
    let value = (m[2] as string).trim();
    const quoted = /^(["'`])(.*)\1/.exec(value);
    value = quoted === null ? value.replace(/\s+#.*$/, "") : (quoted[2] as string);
    const password = /:\/\/[^\s:@/]*:([^\s@/]+)@([^\s:/?#]*)/.exec(value);
    if (password !== null && !isPlaceholder(password[1] as string) && !/^(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)$/i.test(password[2] as string)) return true;
    if (SECRET_KEY.test(key) && !PUBLIC_KEY.test(key) && secretValue(value)) return true;
    if (randomValue(value)) return true;
  }
  return false;
}

/** Environment file. */
export default definePathDetector({
  id: "env-file",
  name: "Environment file",
  description:
    "A `.env` file or variant (`.env.local`, `.env.production`, `prod.env` …) that holds a secret: a secret-named variable with a literal value, a URL with a password, or a random-looking value. " +
    "Templates named `.example`, `.sample`, `.template`, `.dist`, `.defaults` or `.schema` are fine, and so is an .env file of ports, flags, hosts, URLs without a password (or to localhost), self-describing development stand-ins (`supersecret`), `${VAR}` references, and variables a front-end build ships to the browser anyway (`VITE_`, `NEXT_PUBLIC_`, `REACT_APP_`, `VUE_APP_`, `GATSBY_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, `PUBLIC_`; a vendor's token there is still found by its own detector).",
  source: "dotenv (motdotla/dotenv) README: .env file format",
  severity: "error",
  matchPath: (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!/^\.env(?:\.[\w.-]+)?$|^[\w.-]+\.env$/.test(name)) return false;
    return !/[.-](?:example|sample|template|tpl|dist|defaults?|schema)(?:\.|$)/i.test(name);
  },
  judgeContent: envFileHoldsSecrets,
});
