import { defineDetector } from "../define-detector.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

function plausiblePassword(password: string, before: string, after: string): boolean {
  const user = /([^\s:@/"'<>]*):$/.exec(before)?.[1] ?? "";
  const host = /^@([A-Za-z0-9._-]+)/.exec(after)?.[1]?.toLowerCase() ?? "";
  // Documentation hosts reserved by RFC 2606 and RFC 6761 only ever carry sample credentials.
  if (/(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/.test(host)) return false;
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
  validate: (secret, context) =>
    plausiblePassword(
      secret,
      context.text.slice(Math.max(0, context.index - 80), context.index),
      context.text.slice(context.index + secret.length, context.index + secret.length + 260),
    ),
});
