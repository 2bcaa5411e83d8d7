import { defineDetector } from "../define-detector.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

function plausiblePassword(password: string, before: string, after: string): boolean {
  const user = /([^\s:@/"'<>]*):$/.exec(before)?.[1] ?? "";
  const host = /^@([A-Za-z0-9._-]+)/.exec(after)?.[1]?.toLowerCase() ?? "";
  // Documentation hosts reserved by RFC 2606 and RFC 6761 only ever carry sample credentials.
  if (/(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/.test(host)) return false;
  return !SAMPLE_PASSWORDS.has(password.toLowerCase()) && password !== user;
}

/** Database URL with a password. */
export default defineDetector({
  id: "database-url-password",
  name: "Database URL with a password",
  description: "Database connection URL with an embedded password (PostgreSQL, MySQL/MariaDB, MongoDB, Redis, AMQP, SQL Server, ClickHouse, CockroachDB).",
  severity: "error",
  keywords: ["://"],
  pattern: /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb)(?:\+[a-z0-9]+)?:\/\/[^\s:@/"'<>]{0,64}:(?<secret>[^\s:@/"'<>]{3,128})@[A-Za-z0-9._-]+/,
  window: { before: 60, after: 300 },
  minEntropy: 1.5,
  validate: (secret, context) =>
    plausiblePassword(
      secret,
      context.text.slice(Math.max(0, context.index - 80), context.index),
      context.text.slice(context.index + secret.length, context.index + secret.length + 260),
    ),
});
