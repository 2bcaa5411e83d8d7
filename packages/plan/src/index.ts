/**
 * `@warden/plan`: facts about the running system, read from the deploy event log. Today: the
 * event reader and the DORA delivery metrics behind `warden metrics` and `warden incident`.
 */
export { appendIncident, EVENTS_DIR, readEvents, type SkippedLine } from "./events.js";
export { doraMetrics, reduceEvents, type Deployment, type Incident, type Metric } from "./metrics.js";
