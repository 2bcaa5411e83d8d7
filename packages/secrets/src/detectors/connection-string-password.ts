import { defineDetector } from "../define-detector.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

/** Key-value connection string or JDBC URL with a password. */
export default defineDetector({
  id: "connection-string-password",
  name: "Connection string with a password",
  description:
    "A password in a key-value connection string (ADO.NET / ODBC / libpq: `Server=…;User Id=…;Password=…`, `host=… password=…`) or a JDBC URL (`jdbc:…?user=…&password=…`, `jdbc:oracle:thin:user/password@host`); references and sample passwords are not reported.",
  source: "Connection String Syntax - ADO.NET (Microsoft Learn); PostgreSQL: 34.1.1 Connection Strings; JDBC: DriverManager URLs (Oracle JDBC Developer's Guide)",
  severity: "error",
  keywords: ["password=", "pwd=", "password =", "jdbc:oracle:thin:"],
  pattern:
    /(?:(?<![A-Za-z0-9_])(?:Password|Pwd|password|pwd|PASSWORD|PWD)\s*=\s*['"]?(?<secret>[^;'"\s&]{3,128})['"]?(?=[;'"\s&]|$)|jdbc:oracle:thin:[^/\s:@]{1,64}\/(?<bare>[^@\s/"']{3,128})@)/,
  window: { before: 300, after: 300 },
  minEntropy: 1.5,
  validate: (secret, context) => {
    if (SAMPLE_PASSWORDS.has(secret.toLowerCase())) return false;
    if (!/^[\x21-\x7e]+$/.test(secret) || /^[a-z]{1,7}$/.test(secret)) return false; // an ellipsis in prose, a word
    if (/\(\?|\\[a-z]|\[\^/.test(secret)) return false; // a regular expression
    const start = context.text.lastIndexOf("\n", context.index) + 1;
    const end = context.text.indexOf("\n", context.index);
    const line = context.text.slice(start, end < 0 ? context.text.length : end);
    if (/jdbc:/i.test(line)) return true;
    // Another key of the same connection string, on the same line, separated by `;` (ADO.NET,
    // ODBC) or by spaces between key=value pairs (libpq).
    const keys = /(?:^|[;\s"'])(?:Server|Data Source|Host|Hostname|Address|Addr|Initial Catalog|Database|Dbname|User ID|UserID|Uid|User|Username|Port)\s*=\s*[A-Za-z0-9_.\\-]/i;
    return keys.test(line) && (/;/.test(line) || /\b\w+=\S+\s+\w+=\S+/.test(line));
  },
});
