/** Why a file (or a commit's version of one) was not read. */
export type SkipReason = "too-large" | "unreadable";

/**
 * A file a run left out, reported in every output format (never dropped silently): the pretty
 * summary lists it, JSON carries it in `summary.skipped`, SARIF as a tool notification, the
 * github format as a `::notice`.
 */
export interface SkippedFile {
  /** Repository-relative path. */
  readonly file: string;
  readonly reason: SkipReason;
  /** Size in bytes, from the object or the file system (the content was not read). */
  readonly size?: number;
  /** The limit it exceeded, in bytes. */
  readonly limit?: number;
  /** The config key that sets the limit, e.g. `maxFileSize` or `secrets.maxFileSize`. */
  readonly setting?: string;
  /** The commit whose version was skipped (range and history scans). */
  readonly commit?: string;
}

/** Bytes as a short human size: `812 B`, `1.1 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit] ?? "TiB"}`;
}

/** One line about a skipped file: `gen.ts: 1.1 MiB, over the 1 MiB limit (maxFileSize)`. */
export function describeSkipped(skipped: SkippedFile): string {
  const where = skipped.commit === undefined ? skipped.file : `${skipped.file} (commit ${skipped.commit.slice(0, 10)})`;
  if (skipped.reason === "unreadable") return `${where}: could not be read`;
  const size = skipped.size === undefined ? "" : `${formatBytes(skipped.size)}, `;
  const limit = skipped.limit === undefined ? "the size limit" : `the ${formatBytes(skipped.limit)} limit`;
  return `${where}: ${size}over ${limit}${skipped.setting === undefined ? "" : ` (${skipped.setting})`}`;
}
