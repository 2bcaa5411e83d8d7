/** The dependency fields of package.json that install packages. */
export const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

/** A dependency field of package.json. */
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

/** Parse a package.json text; undefined when it is not a JSON object (other tools report broken JSON). */
export function parseManifest(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not JSON: the JSON tooling reports it, not these rules
  }
}

/** The name → range map of one dependency field (non-string values dropped). */
export function dependenciesOf(manifest: Record<string, unknown>, field: DependencyField): Map<string, string> {
  const value = manifest[field];
  const out = new Map<string, string>();
  if (typeof value !== "object" || value === null) return out;
  for (const [name, range] of Object.entries(value)) if (typeof range === "string") out.set(name, range);
  return out;
}

/** The 1-based line of `"key":` in a JSON text, after the line of `"after":` when given (best effort: 1 when not found). */
export function jsonKeyLine(text: string, key: string, after?: string): number {
  const lines = text.split("\n");
  let start = 0;
  if (after !== undefined) {
    const found = lines.findIndex((line) => line.includes(`"${after}"`));
    if (found >= 0) start = found;
  }
  for (let i = start; i < lines.length; i += 1) if ((lines[i] ?? "").includes(`"${key}"`)) return i + 1;
  return 1;
}

/** Whether a path is a package.json (at any depth). */
export function isManifest(file: string): boolean {
  return file === "package.json" || file.endsWith("/package.json");
}
