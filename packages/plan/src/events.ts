import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeployEventSchema, WardenError, type DeployEvent } from "@warden/core";

/** Where the deploy driver writes events: one JSON line per event, one file per environment. */
export const EVENTS_DIR = ".warden/events";

/** A line that could not be used, with its place: reported, then skipped. */
export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * Read every environment's event log under `root`. Lines that are not JSON or not events (a
 * truncated write, a newer Warden's event type) are skipped and reported with file:line — they
 * never stop the reader. Events come back sorted by time, then id.
 */
export function readEvents(root: string, options: { readonly env?: string } = {}): { events: DeployEvent[]; skipped: SkippedLine[] } {
  const dir = path.join(root, EVENTS_DIR);
  const events: DeployEvent[] = [];
  const skipped: SkippedLine[] = [];
  if (!existsSync(dir)) return { events, skipped };
  // Values repeated on every line (environment, release, commit, type, step) are kept once: a log of
  // 100,000 events holds a few thousand distinct ones.
  const interned = new Map<string, string>();
  const intern = (value: string): string => {
    const known = interned.get(value);
    if (known !== undefined) return known;
    interned.set(value, value);
    return value;
  };
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
    if (options.env !== undefined && name !== `${options.env}.jsonl`) continue;
    const file = path.posix.join(EVENTS_DIR, name);
    const text = readFileSync(path.join(dir, name), "utf8");
    for (let start = 0, index = 0; start < text.length; index += 1) {
      const end = text.indexOf("\n", start);
      const line = end < 0 ? text.slice(start) : text.slice(start, end);
      start = end < 0 ? text.length : end + 1;
      if (line.trim() === "") continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        skipped.push({ file, line: index + 1, reason: "not JSON" });
        continue;
      }
      const parsed = DeployEventSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        skipped.push({ file, line: index + 1, reason: `not an event: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim() });
        continue;
      }
      const event = parsed.data;
      event.env = intern(event.env);
      event.release = intern(event.release);
      event.commit = intern(event.commit);
      if (event.step !== undefined) event.step = intern(event.step);
      events.push(event);
    }
  }
  events.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1));
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
