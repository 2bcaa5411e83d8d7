import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeployEventSchema, redactText, WardenError, type DeployEvent, type DeployEventType } from "@warden/core";

/** Where the events of `env` are appended: `.warden/events/<env>.jsonl`. */
export function eventsFile(root: string, env: string): string {
  return path.join(root, ".warden", "events", `${env}.jsonl`);
}

/** Appends validated deploy events of one deployment to the environment's JSONL log. */
export class EventLog {
  readonly file: string;
  readonly written: DeployEvent[] = [];

  constructor(
    root: string,
    readonly env: string,
    readonly release: string,
    readonly commit: string,
  ) {
    this.file = eventsFile(root, env);
  }

  /** Append one event (validated against the core schema) and return it. */
  emit(type: DeployEventType, fields: { step?: string; durationMs?: number; detail?: Record<string, unknown> } = {}): DeployEvent {
    const event = DeployEventSchema.parse({
      id: randomUUID(),
      at: new Date().toISOString(),
      env: this.env,
      release: this.release,
      commit: this.commit,
      type,
      ...(fields.step === undefined ? {} : { step: fields.step }),
      ...(fields.durationMs === undefined ? {} : { durationMs: Math.round(fields.durationMs) }),
      ...(fields.detail === undefined ? {} : { detail: fields.detail }),
    });
    mkdirSync(path.dirname(this.file), { recursive: true });
    // Through the output redactor: a detail quoting a command's output never stores a secret whole.
    appendFileSync(this.file, `${redactText(JSON.stringify(event))}\n`);
    this.written.push(event);
    return event;
  }
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
