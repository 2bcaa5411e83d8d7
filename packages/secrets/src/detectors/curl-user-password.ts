import { defineDetector } from "../define-detector.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

/** Command-line user:password. */
export default defineDetector({
  id: "curl-user-password",
  name: "Password on an HTTP client command line",
  description:
    "A literal password given to curl (`-u user:pass`, `--user`), wget (`--password=`, `--http-password=`) or HTTPie (`-a user:pass`, `--auth`) in scripts, CI files and docs; `$VAR` references, sample passwords and a user without a password (curl prompts) are not reported.",
  source: "curl man page (-u, --user); GNU Wget Manual (--http-password); HTTPie docs: Authentication (-a, --auth)",
  severity: "error",
  keywords: ["curl", "wget", "http -a", "http --auth", "https -a", "https --auth"],
  pattern:
    /(?<![A-Za-z0-9_-])(?:curl|wget|https?)\b(?:[^\n]|\\\r?\n)*?\s(?:(?:-u\s*|--user[=\s]\s*|-a\s+|--auth[=\s]\s*)["']?(?<user>[^\s:"'@]{1,64}):|--(?:http-|ftp-)?password[=\s]\s*["']?)(?<secret>[^\s"']{3,200})["']?(?=\s|$)/,
  window: { before: 40, after: 1000, lines: 3 },
  minEntropy: 1.5,
  validate: (secret, context) => {
    // `--user name` without a password (the tool prompts) has no user group and no --password flag.
    const before = context.text.slice(Math.max(0, context.index - 40), context.index);
    const isPasswordFlag = /--(?:http-|ftp-)?password[=\s]\s*["']?$/.test(before);
    const user = /([^\s:"'@]{1,64}):$/.exec(before)?.[1];
    if (!isPasswordFlag && user === undefined) return false;
    if (SAMPLE_PASSWORDS.has(secret.toLowerCase()) || secret === user) return false;
    return true;
  },
});
