import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeployEventSchema, redactText, WardenError, type DeployEvent, type DeployEventType } from "@warden/core";
import { maskSecrets, type DeploySecrets } from "./secrets.js";

/** Where the events of `env` are appended: `.warden/events/<env>.jsonl`. */
export function eventsFile(root: string, env: string): string {
  return path.join(root, ".warden", "events", `${env}.jsonl`);
}

/** Appends validated deploy events of one deployment to the environment's JSONL log. */
export class EventLog {
  readonly file: string;
  readonly written: DeployEvent[] = [];
  private secrets: DeploySecrets | undefined;

  constructor(
    root: string,
    readonly env: string,
    readonly release: string,
    readonly commit: string,
    /** Also receives each event's line (the ssh target appends it to the log on the host). */
    private readonly mirror?: (line: string) => void,
  ) {
    this.file = eventsFile(root, env);
  }

  /** Mask these granted values in every event written from now on (a detail quoting output never stores one). */
  mask(secrets: DeploySecrets | undefined): void {
    this.secrets = secrets;
  }

  /** Append one event (validated against the core schema) and return it. */
  emit(type: DeployEventType, fields: { step?: string; host?: string; durationMs?: number; detail?: Record<string, unknown> } = {}): DeployEvent {
    const event = DeployEventSchema.parse({
      id: randomUUID(),
      at: new Date().toISOString(),
      env: this.env,
      release: this.release,
      commit: this.commit,
      type,
      ...(fields.step === undefined ? {} : { step: fields.step }),
      ...(fields.host === undefined ? {} : { host: fields.host }),
      ...(fields.durationMs === undefined ? {} : { durationMs: Math.round(fields.durationMs) }),
      ...(fields.detail === undefined ? {} : { detail: fields.detail }),
    });
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Through the output redactor: a detail quoting a command's output never stores a secret whole.
    const line = `${redactText(maskSecrets(JSON.stringify(event), this.secrets))}\n`;
    appendFileSync(this.file, line);
    this.mirror?.(line);
    // what the caller gets back is what was stored (masked and redacted), never more
    const stored = JSON.parse(line) as DeployEvent;
    this.written.push(stored);
    return stored;
  }
}

/** What emits events: the log, or its view for one host. */
export type EventSink = Pick<EventLog, "emit">;

/** A view of `log` whose events carry `host` (an environment with several hosts). */
export function hostEvents(log: EventSink, host: string): EventSink {
  return { emit: (type, fields = {}) => log.emit(type, { ...fields, host }) };
}

/** Read and validate every event of `env`; a malformed line is a one-line error naming file and line. */
export function readEvents(root: string, env: string): DeployEvent[] {
  const file = eventsFile(root, env);
  if (!existsSync(file)) return [];
  const display = path.relative(root, file);
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, index }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new WardenError("INPUT", `${display}:${index + 1}: not a JSON line; fix or remove it`);
      }
      const parsed = DeployEventSchema.safeParse(raw);
      if (!parsed.success) throw new WardenError("INPUT", `${display}:${index + 1}: not a deploy event (${parsed.error.issues[0]?.message ?? "invalid"})`);
      return parsed.data;
    });
}

/**
 * The events of `env` that parse, skipping lines that do not (for rebuilding a corrupt state
 * file from what the log still holds: a torn last line must not hide the rest).
 */
export function readEventsLenient(root: string, env: string): DeployEvent[] {
  const file = eventsFile(root, env);
  return existsSync(file) ? parseEventLines(readFileSync(file, "utf8")) : [];
}

/** The deploy events in JSONL text that parse (torn or foreign lines skipped). */
export function parseEventLines(text: string): DeployEvent[] {
  const events: DeployEvent[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const parsed = DeployEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
    } catch {
      // a torn line: skipped
    }
  }
  return events;
}
