import type { DeployEvent } from "@warden/core";

/** One deployment, reduced from its events. */
export interface Deployment {
  readonly env: string;
  readonly release: string;
  readonly commit: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly outcome: "succeeded" | "failed" | "rolled_back";
  /** The step a failed or rolled-back deployment stopped at. */
  readonly step: string | undefined;
  /** Who ran it, when its `started` event says so (`detail.user`). */
  readonly user: string | undefined;
  /** The ids of its `started` event and of the outcome event that ended it (the steps between are not kept). */
  readonly eventIds: readonly [string, string];
  /** Started while an incident was open in its environment: unplanned work (rework). */
  readonly unplanned: boolean;
}

/** An incident, linked to the deployment that caused it. */
export interface Incident {
  readonly env: string;
  readonly release: string;
  readonly openedAt: string;
  readonly resolvedAt: string | undefined;
  readonly eventIds: readonly string[];
}

/** One figure with its target and the events it came from. */
export interface Metric {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: string | null;
  readonly met: boolean | null;
  readonly basis: string;
  readonly eventIds: readonly string[];
}

const TERMINAL = new Set(["succeeded", "failed", "rolled_back"]);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Reduces events, fed one at a time in time order, to deployments (one per env and release that
 * reached an outcome; a release deployed again counts again) and incidents. A deployment is
 * unplanned when it started while an incident of its environment was open. Holds only the
 * deployments in flight and the open incidents besides its results, so a log can be streamed.
 */
export class DeploymentReducer {
  private readonly deployments: Deployment[] = [];
  private readonly incidents: Incident[] = [];
  private readonly open = new Map<string, DeployEvent>();
  private readonly openIncidents = new Map<string, { env: string; release: string; openedAt: string; ids: string[] }>();

  add(event: DeployEvent): void {
    const key = `${event.env}\0${event.release}`;
    if (event.type === "incident_opened") {
      const id = String(event.detail?.incident ?? event.id);
      this.openIncidents.set(`${event.env}\0${id}`, { env: event.env, release: event.release, openedAt: event.at, ids: [event.id] });
      return;
    }
    if (event.type === "incident_resolved") {
      const id = String(event.detail?.incident ?? "");
      const found = this.openIncidents.get(`${event.env}\0${id}`);
      if (found === undefined) return;
      this.openIncidents.delete(`${event.env}\0${id}`);
      this.incidents.push({ env: found.env, release: found.release, openedAt: found.openedAt, resolvedAt: event.at, eventIds: [...found.ids, event.id] });
      return;
    }
    if (event.type === "started") {
      // only what the deployment keeps of its start: the event's detail is not held
      const user = event.detail?.user;
      const started: DeployEvent = { id: event.id, at: event.at, env: event.env, release: event.release, commit: event.commit, type: "started", ...(typeof user === "string" ? { detail: { user } } : {}) };
      this.open.set(key, started);
      return;
    }
    if (!TERMINAL.has(event.type)) return;
    const started = this.open.get(key);
    if (started === undefined) return;
    this.open.delete(key);
    let unplanned = false;
    for (const incident of this.openIncidents.values()) if (incident.env === event.env && incident.openedAt <= started.at) unplanned = true;
    this.deployments.push({
      env: event.env,
      release: event.release,
      commit: started.commit,
      startedAt: started.at,
      endedAt: event.at,
      outcome: event.type as Deployment["outcome"],
      step: event.type === "succeeded" ? undefined : event.step,
      user: typeof started.detail?.user === "string" ? started.detail.user : undefined,
      eventIds: [started.id, event.id],
      unplanned,
    });
  }

  /** The deployments (by end, then the id of their last event) and incidents (by opening, then id); open incidents included. */
  finish(): { deployments: Deployment[]; incidents: Incident[] } {
    const incidents = [...this.incidents];
    for (const incident of this.openIncidents.values()) incidents.push({ env: incident.env, release: incident.release, openedAt: incident.openedAt, resolvedAt: undefined, eventIds: incident.ids });
    const deployments = [...this.deployments].sort((a, b) => cmp(a.endedAt, b.endedAt) || cmp(a.eventIds[a.eventIds.length - 1] ?? "", b.eventIds[b.eventIds.length - 1] ?? ""));
    incidents.sort((a, b) => cmp(a.openedAt, b.openedAt) || cmp(a.eventIds[0] ?? "", b.eventIds[0] ?? ""));
    return { deployments, incidents };
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** {@link DeploymentReducer} over events in time order. */
export function reduceEvents(events: readonly DeployEvent[]): { deployments: Deployment[]; incidents: Incident[] } {
  const reducer = new DeploymentReducer();
  for (const event of events) reducer.add(event);
  return reducer.finish();
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (value: number | null, digits = 1): number | null => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * The five DORA figures over deployments that ended in [since, until):
 *
 * - deployment frequency: successful deployments per day of the window;
 * - change lead time: median time from the first commit of the change to its deployment's success
 *   (`firstCommitAt` gives that time per deployment; deployments without it are left out);
 * - change fail rate: distinct deployments that failed in production — rolled back, or linked to
 *   an incident — divided by all deployments that reached production (succeeded or rolled back).
 *   A deployment with several incidents counts once;
 * - failed deployment recovery time: median time from the failure (the incident opening, or the
 *   rolled-back deployment's start) to recovery (the incident's resolution, or the rollback);
 * - deployment rework rate: unplanned deployments (started while an incident was open) divided by
 *   all deployments.
 */
export function doraMetrics(
  events: readonly DeployEvent[],
  options: {
    readonly since: Date;
    readonly until: Date;
    readonly env?: string;
    readonly firstCommitAt?: (deployment: Deployment) => string | undefined;
    /** `reduceEvents(events)` when the caller has it already (several windows over one log). */
    readonly reduced?: { readonly deployments: readonly Deployment[]; readonly incidents: readonly Incident[] };
  },
): { metrics: Metric[]; deployments: Deployment[]; incidents: Incident[] } {
  const reduced = options.reduced ?? reduceEvents(events);
  const [sinceIso, untilIso] = [options.since.toISOString(), options.until.toISOString()];
  const inWindow = (at: string): boolean => at >= sinceIso && at < untilIso;
  const deployments = reduced.deployments.filter((d) => (options.env === undefined || d.env === options.env) && inWindow(d.endedAt));
  const incidents = reduced.incidents.filter((i) => (options.env === undefined || i.env === options.env) && inWindow(i.openedAt));
  const days = Math.max((options.until.getTime() - options.since.getTime()) / DAY, 1 / 24);
  const succeeded = deployments.filter((d) => d.outcome === "succeeded");
  const reached = deployments.filter((d) => d.outcome !== "failed");

  const frequency: Metric = {
    name: "deployment frequency",
    value: round(succeeded.length / days, 2),
    unit: "per day",
    target: "multiple per day (≥ 2)",
    met: succeeded.length / days >= 2,
    basis: `${succeeded.length} successful deployments in ${round(days, 2)} days`,
    eventIds: succeeded.flatMap((d) => d.eventIds.slice(-1)),
  };

  const leads: { ms: number; ids: string[] }[] = [];
  for (const d of succeeded) {
    const first = options.firstCommitAt?.(d);
    if (first === undefined) continue;
    leads.push({ ms: Date.parse(d.endedAt) - Date.parse(first), ids: d.eventIds.slice(-1) });
  }
  const leadHours = median(leads.map((l) => l.ms / HOUR));
  const lead: Metric = {
    name: "change lead time",
    value: round(leadHours, 2),
    unit: "hours (median)",
    target: "< 2 h",
    met: leadHours === null ? null : leadHours < 2,
    basis: `${leads.length} successful deployments with a known first commit`,
    eventIds: leads.flatMap((l) => l.ids),
  };

  const failedReleases = new Set<string>();
  for (const d of reached) if (d.outcome === "rolled_back") failedReleases.add(`${d.env}\0${d.release}\0${d.startedAt}`);
  for (const incident of incidents) {
    // the incident's deployment: the latest one of that release in its environment that started before the incident
    let cause: Deployment | undefined;
    for (let i = reached.length - 1; i >= 0 && cause === undefined; i -= 1) {
      const d = reached[i] as Deployment;
      if (d.env === incident.env && d.release === incident.release && d.startedAt <= incident.openedAt) cause = d;
    }
    if (cause !== undefined) failedReleases.add(`${cause.env}\0${cause.release}\0${cause.startedAt}`);
  }
  const failRate = reached.length === 0 ? null : (failedReleases.size / reached.length) * 100;
  const changeFail: Metric = {
    name: "change fail rate",
    value: round(failRate),
    unit: "% of deployments",
    target: null,
    met: null,
    basis: `${failedReleases.size} distinct failed deployments of ${reached.length} that reached production`,
    eventIds: [...incidents.flatMap((i) => i.eventIds), ...reached.filter((d) => d.outcome === "rolled_back").flatMap((d) => d.eventIds.slice(-1))],
  };

  const recoveries: number[] = [];
  for (const incident of incidents) if (incident.resolvedAt !== undefined) recoveries.push(Date.parse(incident.resolvedAt) - Date.parse(incident.openedAt));
  for (const d of reached) if (d.outcome === "rolled_back") recoveries.push(Date.parse(d.endedAt) - Date.parse(d.startedAt));
  const recoveryMinutes = median(recoveries.map((ms) => ms / 60_000));
  const recovery: Metric = {
    name: "failed deployment recovery time",
    value: round(recoveryMinutes),
    unit: "minutes (median)",
    target: "< 30 min",
    met: recoveryMinutes === null ? null : recoveryMinutes < 30,
    basis: `${recoveries.length} recoveries (resolved incidents and rollbacks)`,
    eventIds: changeFail.eventIds,
  };

  const unplanned = deployments.filter((d) => d.unplanned);
  const reworkRate = deployments.length === 0 ? null : (unplanned.length / deployments.length) * 100;
  const rework: Metric = {
    name: "deployment rework rate",
    value: round(reworkRate),
    unit: "% of deployments",
    target: null,
    met: null,
    basis: `${unplanned.length} unplanned deployments (started during an open incident) of ${deployments.length}`,
    eventIds: unplanned.flatMap((d) => d.eventIds.slice(0, 1)),
  };
  return { metrics: [frequency, lead, changeFail, recovery, rework], deployments, incidents };
}
