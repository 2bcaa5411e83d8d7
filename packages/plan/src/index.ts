/**
 * `@warden/plan`: facts about the running system, read from the deploy event log and the code:
 * the event reader, the DORA delivery metrics, endpoint discovery, the inventory, the system plan
 * document (`warden plan`) and the probes of `warden monitor`.
 */
export { appendIncident, EVENTS_DIR, readEvents, type SkippedLine } from "./events.js";
export { discoverEndpoints, hasParameters, isEndpointSource, type Endpoint, type Framework } from "./endpoints.js";
export { doraMetrics, reduceEvents, type Deployment, type Incident, type Metric } from "./metrics.js";
