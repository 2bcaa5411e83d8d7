export { exec, logs, maintenance, type DayTwoOptions } from "./day-two.js";
export { DeployRefusedError, StepFailedError, type DeployRefusalReason } from "./errors.js";
export { eventsFile, EventLog, readEvents } from "./events.js";
export { checkHealth, probe, type HealthResult, type ProbeResult } from "./health.js";
export { SwitchLease, switchLeaseMs } from "./lease.js";
export { acquireLock, acquireLockOn, ageOf, hostLockStore, localLockStore, type DeployLock, type LockInfo, type LockStore, type ReplacedLock } from "./lock.js";
export {
  autoInstances,
  deploy,
  effectiveConfig,
  listReleases,
  planLines,
  previousRelease,
  rollback,
  type DeployOptions,
  type DeployOutcome,
  type DeployResult,
  type ReleaseEntry,
  type RollbackOptions,
} from "./pipeline.js";
export { proxyCommandLine, proxyEnv, proxyUnit, proxyUnitArgv, proxyUnitName, type ProxyUnitOptions } from "./proxy-unit.js";
export { supervisorScript } from "./supervisor.js";
export { proxyMain, proxyScript, type ProxyInfo, type ProxyPendingSwitch, type ProxyRevert, type ProxyRoute, type ProxyStats } from "./proxy.js";
export { configHash, contentHash, newReleaseId, type ReleaseManifest } from "./release.js";
export { deployTask, grantedSecrets, type DeploySecrets, type Grants } from "./secrets.js";
export { status, type HostStatus, type StatusReport } from "./status.js";
export { boundedAll, canaryHostCount, FleetFailedError, type HostOutcome } from "./fleet.js";
export { judgeCanary, type CanaryVerdict } from "./strategies/canary.js";
export { renderManifests, validateManifests } from "./targets/kubernetes.js";
export { localEnvDir } from "./targets/local.js";
export type { Instance, InstanceTarget, LiveState, MaintenanceMode, ManagedTarget, ProxyBoot, Recovery, Route, Target, UnconfirmedSwitch } from "./types.js";
