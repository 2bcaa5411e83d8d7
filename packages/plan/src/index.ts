/**
 * `@warden/plan`: facts about the running system, read from the deploy event log and the code:
 * the event reader, the DORA delivery metrics, endpoint discovery, the infrastructure inventory,
 * the system plan document (`warden plan`) and the probes of `warden monitor`.
 */
export { appendCiRun, checkCiRunName, type CiRunInput } from "./ci-runs.js";
export { ciMetrics, type ExternalCiFigures, type GitHubReview, type GitHubRun } from "./ci-metrics.js";
export { digestEvents, readCiRun, readEventDigest, TREND_RUNS, type CiRun, type EventDigest, type MonitorPoint } from "./digest.js";
export { appendIncident, CI_EVENTS_FILE, eventFiles, EVENTS_DIR, forEachLine, parseEventLine, readEvents, streamEvents, type EventFileOptions, type SkippedLine } from "./events.js";
export { discoverEndpoints, hasParameters, isEndpointSource, type Endpoint, type Framework } from "./endpoints.js";
export { changeStartTimes, commitAuthors, deploymentKey } from "./git-facts.js";
export { collectInventory, type Inventory } from "./inventory.js";
export { MERMAID_MAX_TEXT, packageGraphDiagram, timelineDiagram, topologyDiagram, trendDiagram } from "./mermaid.js";
export { DeploymentReducer, doraMetrics, reduceEvents, type Deployment, type Incident, type Metric } from "./metrics.js";
export { monitorSummaries, type MonitorMeasures, type MonitorPath, type MonitorSummary } from "./monitor-data.js";
export { appendMonitorEvent, parseDuration, parseRate, percentile, probeUrl, runMonitor, type MonitorResult, type ProbeTarget } from "./monitor.js";
export { codeDerivedLines, codeStaleReason, collectPlanFacts, describeSkippedLines, keepManualSections, renderPlan, staleReason, type PlanAdr, type PlanFacts, type PlanMigrations } from "./plan.js";
