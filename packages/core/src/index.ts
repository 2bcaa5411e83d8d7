export {
  applyBaseline,
  BASELINE_FILE,
  baselineEntries,
  parseBaseline,
  readBaseline,
  renderBaseline,
  writeBaseline,
  type BaselineEntry,
  type BaselineSplit,
} from "./baseline.js";
export { CACHE_DIR, ResultCache } from "./cache.js";
export { DEFAULT_CHECK_MAX_FILE_SIZE, defineConfig, renderConfigJsonSchema, WardenConfigSchema, type WardenConfig, type WardenConfigInput } from "./config/schema.js";
export { CONFIG_FILES, findConfigFile, formatConfigIssue, loadConfig, parseConfig, type LoadedConfig } from "./config/load.js";
export { RuleLevelSchema, RuleSettingSchema, type RuleLevel, type RuleSetting } from "./config/rules-section.js";
export { childEnv, colorEnabled, currentEnv, readEnv, runWithEnv, type WardenEnv } from "./env.js";
export { isWardenError, maskTokens, WardenError, type WardenErrorCode } from "./errors.js";
export { DeployEventSchema, DeployEventTypeSchema, type DeployEvent, type DeployEventType } from "./event.js";
export {
  DEPLOY_STEPS,
  DeployEnvironmentSchema,
  DeploySchema,
  DeployStrategySchema,
  type DeployEnvironment,
  type DeployStep,
  type DeployStrategy,
  type DeployTarget,
  type HealthCheck,
} from "./config/deploy-section.js";
export { compareFindings, FindingSchema, fingerprintOf, SeveritySchema, type Finding, type Severity } from "./finding.js";
export * from "./git/index.js";
export { createLogger, silentLogger, type Logger, type LogLevel } from "./logger.js";
export { toRepoPath } from "./paths.js";
export * from "./reporters/index.js";
export { describeSkipped, formatBytes, type SkippedFile, type SkipReason } from "./skipped.js";
export { didYouMean } from "./suggest.js";
export { readListedFile, SYNC_READ_BYTES, walkFiles, type WalkOptions } from "./walk.js";
export { listWorkspacePackages, workspaceGlobs, type WorkspacePackage } from "./workspace.js";
