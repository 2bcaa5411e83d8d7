import { defineDetector } from "../define-detector.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

function plausiblePassword(password: string, before: string): boolean {
  const user = /([^\s:@/"'<>]*):$/.exec(before)?.[1] ?? "";
  return !SAMPLE_PASSWORDS.has(password.toLowerCase()) && password !== user;
}

/** URL with a password. */
export default defineDetector({
  id: "url-password",
  name: "URL with a password",
  description: "HTTP(S), FTP, SSH, SMTP, LDAP or git URL with an embedded `user:password@`.",
  severity: "error",
  keywords: ["://"],
  pattern: /(?<![A-Za-z0-9+.-])(?:https?|s?ftps?|ssh|smtps?|ldaps?|git|svn)(?:\+[a-z0-9]+)?:\/\/[^\s:@/"'<>]{1,64}:(?<secret>[^\s:@/"'<>]{3,128})@[A-Za-z0-9._-]+/,
  window: { before: 40, after: 300 },
  minEntropy: 1.5,
  validate: (secret, context) => plausiblePassword(secret, context.text.slice(context.index - 80 < 0 ? 0 : context.index - 80, context.index)),
});
