import { randomUUID } from "node:crypto";
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import { DeployEventSchema, WardenError, type DeployEvent } from "@warden/core";

/** Where the deploy driver writes events: one JSON line per event, one file per environment. */
export const EVENTS_DIR = ".warden/events";

/** The log of CI runs (`warden ci run` / `warden ci record`) in {@link EVENTS_DIR}. */
export const CI_EVENTS_FILE = "ci.jsonl";

/** A line that could not be used, with its place: reported, then skipped. */
export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Bytes read from an event log at a time: a log is streamed, never held whole. */
const CHUNK = 1 << 20;

/** Options of the event readers: one environment's log only (and, with `ci`, the CI runs' log too). */
export interface EventFileOptions {
  readonly env?: string;
  readonly ci?: boolean;
}

/** The event log files under `root` (sorted), or only `<env>.jsonl` (and `ci.jsonl`). */
export function eventFiles(root: string, options: EventFileOptions = {}): string[] {
  const dir = path.join(root, EVENTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl") && (options.env === undefined || n === `${options.env}.jsonl` || (options.ci === true && n === CI_EVENTS_FILE)))
    .sort()
    .map((n) => path.posix.join(EVENTS_DIR, n));
}

/**
 * Call `line` with each line of `file` (1-based line numbers, no line break), reading it in chunks
 * of 1 MiB so that memory does not grow with the file. A line break never falls inside a UTF-8
 * sequence, so lines are cut on bytes and decoded one by one.
 */
export function forEachLine(file: string, line: (text: string, number: number) => void): void {
  const fd = openSync(file, "r");
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let filled = 0;
    let number = 0;
    for (;;) {
      if (filled === buffer.length) {
        // one line longer than the buffer: grow it (a corrupt log may hold one huge line)
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end >= 0 && end < filled; end = buffer.indexOf(10, start)) {
        number += 1;
        line(buffer.toString("utf8", start, end), number);
        start = end + 1;
      }
      if (read === 0) {
        if (start < filled) line(buffer.toString("utf8", start, filled), number + 1);
        return;
      }
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Parse one line of an event log: the event, or why the line is skipped. Values repeated on every
 * line (environment, release, commit, step) go through `intern`, so that a long log holds each once.
 */
export function parseEventLine(text: string, intern: (value: string) => string = (v) => v): DeployEvent | string | undefined {
  if (text.trim() === "") return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  const parsed = DeployEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `not an event: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim();
  }
  const event = parsed.data;
  event.env = intern(event.env);
  event.release = intern(event.release);
  event.commit = intern(event.commit);
  if (event.step !== undefined) event.step = intern(event.step);
  return event;
}

/** A string interner: the first copy of each value is kept and returned for every later equal one. */
export function interner(): (value: string) => string {
  const interned = new Map<string, string>();
  return (value) => {
    const known = interned.get(value);
    if (known !== undefined) return known;
    interned.set(value, value);
    return value;
  };
}

/**
 * Stream the events of each log file, in the order they were appended, to `visit` — one call per
 * file with a consumer for its events, so that a caller can keep per-file state. A file whose times
 * go backwards (clocks, hand edits) is read again and its events are given sorted by time (stable),
 * after `restart` tells the caller to drop what it kept of that file.
 */
export function streamEvents(
  root: string,
  options: EventFileOptions,
  visit: { readonly file: (file: string) => { event(e: DeployEvent): void; restart(): void }; readonly skip: (s: SkippedLine) => void },
): void {
  const intern = interner();
  for (const file of eventFiles(root, options)) {
    const full = path.join(root, file);
    const consumer = visit.file(file);
    const skipped: SkippedLine[] = [];
    let last = "";
    let ordered = true;
    forEachLine(full, (text, line) => {
      const parsed = parseEventLine(text, intern);
      if (parsed === undefined) return;
      if (typeof parsed === "string") {
        skipped.push({ file, line, reason: parsed });
        return;
      }
      if (!ordered) return;
      if (parsed.at < last) {
        ordered = false;
        return;
      }
      last = parsed.at;
      consumer.event(parsed);
    });
    for (const s of skipped) visit.skip(s);
    if (ordered) continue;
    consumer.restart();
    const events: DeployEvent[] = [];
    forEachLine(full, (text) => {
      const parsed = parseEventLine(text, intern);
      if (parsed !== undefined && typeof parsed !== "string") events.push(parsed);
    });
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const event of events) consumer.event(event);
  }
}

/**
 * Read every environment's event log under `root` into memory (for small logs and the commands
 * that append to one; the plan and the metrics stream with {@link readEventDigest}). Lines that are
 * not JSON or not events (a truncated write, a newer Warden's event type) are skipped and reported
 * with file:line — they never stop the reader. Events come back sorted by time (stable: in the order
 * they were appended when times are equal).
 */
export function readEvents(root: string, options: EventFileOptions = {}): { events: DeployEvent[]; skipped: SkippedLine[] } {
  const events: DeployEvent[] = [];
  const skipped: SkippedLine[] = [];
  streamEvents(root, options, {
    file: () => {
      const from = events.length;
      return { event: (e) => events.push(e), restart: () => void events.splice(from) };
    },
    skip: (s) => skipped.push(s),
  });
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { events, skipped };
}

/**
 * Record an incident event in the environment's log: `opened` links it to the deployment of
 * `release` that caused it; `resolved` closes it. Appended as one line, like every deploy event.
 */
export function appendIncident(root: string, input: { readonly env: string; readonly release: string; readonly incident: string; readonly action: "open" | "resolve"; readonly note?: string; readonly at?: Date }): DeployEvent {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(input.env)) throw new WardenError("USAGE", `"${input.env.slice(0, 40)}" is not an environment name`);
  const { events } = readEvents(root, { env: input.env });
  const known = events.some((e) => e.release === input.release && e.type === "started");
  if (!known) throw new WardenError("USAGE", `no deployment of release ${input.release.slice(0, 60)} in ${input.env}; see \`warden releases ${input.env}\``);
  const opened = events.some((e) => e.type === "incident_opened" && String(e.detail?.incident) === input.incident);
  const resolved = events.some((e) => e.type === "incident_resolved" && String(e.detail?.incident) === input.incident);
  if (input.action === "open" && opened) throw new WardenError("USAGE", `incident ${input.incident} is already open`);
  if (input.action === "resolve" && (!opened || resolved)) throw new WardenError("USAGE", `incident ${input.incident} is not open in ${input.env}`);
  const commit = events.find((e) => e.release === input.release)?.commit ?? "";
  const event: DeployEvent = DeployEventSchema.parse({
    id: randomUUID(),
    at: (input.at ?? new Date()).toISOString(),
    env: input.env,
    release: input.release,
    commit,
    type: input.action === "open" ? "incident_opened" : "incident_resolved",
    detail: { incident: input.incident, ...(input.note === undefined ? {} : { note: input.note.slice(0, 500) }) },
  });
  mkdirSync(path.join(root, EVENTS_DIR), { recursive: true });
  appendFileSync(path.join(root, EVENTS_DIR, `${input.env}.jsonl`), `${JSON.stringify(event)}\n`);
  return event;
}
