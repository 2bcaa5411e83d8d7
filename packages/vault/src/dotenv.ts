import { WardenError } from "@warden/core/lite";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/**
 * Parse a `.env` file: `NAME=value`, optional `export`, single- or double-quoted values (double
 * quotes understand \n, \t, \" and \\), `#` comments on their own line or after an unquoted value.
 * A line that is none of these is one error naming the file and line — never the line's text.
 */
export function parseDotenv(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "" || raw.trim().startsWith("#")) return;
    const match = LINE.exec(raw);
    if (match === null) throw new WardenError("INPUT", `${file}:${index + 1}: not a NAME=value line`);
    const name = match[1] as string;
    const rest = (match[2] ?? "").trim();
    let value: string;
    if (rest.startsWith('"')) {
      const end = rest.lastIndexOf('"');
      if (end <= 0) throw new WardenError("INPUT", `${file}:${index + 1}: unterminated double quote`);
      value = rest.slice(1, end).replace(/\\([nt"\\])/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
    } else if (rest.startsWith("'")) {
      const end = rest.lastIndexOf("'");
      if (end <= 0) throw new WardenError("INPUT", `${file}:${index + 1}: unterminated single quote`);
      value = rest.slice(1, end);
    } else {
      value = rest.replace(/\s+#.*$/, "");
    }
    out.set(name, value);
  });
  return out;
}
