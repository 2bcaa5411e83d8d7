export {
  applyBaseline,
  BASELINE_FILE,
  baselineEntries,
  parseBaseline,
  readBaseline,
  renderBaseline,
  writeBaseline,
  writeFileAtomic,
  type BaselineEntry,
  type BaselineSplit,
} from "./baseline.js";
export { CACHE_DIR, cacheDirOf, GIT_CACHE_DIR, ResultCache } from "./cache.js";
export { defineConfig, renderConfigJsonSchema, WardenConfigSchema, type WardenConfig, type WardenConfigInput } from "./config/schema.js";
export { aliasConfigImport, configTimeoutMs, loadConfig, loadedConfigs, onConfigLoad, parseConfig, type LoadedConfig } from "./config/load.js";
export { CONFIG_FILES, configFingerprint, findConfigFile } from "./config/locate.js";
export type { RuleSetting } from "./config/rules-section.js";
export { PlanSchema, type PlanSettings } from "./config/plan-section.js";
export { COVERAGE_METRICS, CoverageSchema, type CoverageMetric, type CoverageSettings } from "./config/coverage-section.js";
export { AUDIT_SEVERITIES, AuditSchema, type AuditSettings, type AuditSeverity } from "./config/audit-section.js";
export { childEnv, colorEnabled, currentEnv, progressEnabled, readEnv, runWithEnv, type WardenEnv } from "./env.js";
export { isWardenError, maskTokens, WardenError, type WardenErrorCode } from "./errors.js";
export { DeployEventSchema, DeployEventTypeSchema, type DeployEvent, type DeployEventType } from "./event.js";
export {
  DEPLOY_STEPS,
  DeployEnvironmentSchema,
  DeployStrategySchema,
  type DeployEnvironment,
  type DeployStep,
  type DeployStrategy,
  type DeployTarget,
  type HealthCheck,
} from "./config/deploy-section.js";
export { compareFindings, FindingSchema, fingerprintOf, type Finding, type Severity } from "./finding.js";
export {
  FILE_CLASSES,
  FileClassifier,
  FileClassSchema,
  FilesSchema,
  GENERATED_HEADER_BYTES,
  hasGeneratedHeader,
  NOT_HAND_WRITTEN,
  readHead,
  type Classification,
  type FileClass,
  type FilesConfig,
} from "./file-class.js";
export * from "./git/index.js";
export { createLogger, silentLogger, type Logger, type LogLevel } from "./logger.js";
export { toRepoPath } from "./paths.js";
export { plural } from "./plural.js";
export {
  CONSERVATIVE_REDACTOR,
  currentRedactor,
  escapeControl,
  installRedactor,
  REDACTION_MASK,
  redactLayout,
  redactText,
  type Redactor,
  type SecretSpan,
} from "./redaction.js";
export * from "./reporters/index.js";
export { describeSkipped, formatBytes, type SkippedFile, type SkipReason } from "./skipped.js";
export { didYouMean } from "./suggest.js";
export { openListedFile, readListedFile, SYNC_READ_BYTES, walkFiles, type ListedFile, type WalkOptions } from "./walk.js";
export { listWorkspacePackages, workspaceGlobs, type WorkspacePackage } from "./workspace.js";
export { describeEnforcer, describeWrittenRule, WRITTEN_RULES, type Enforcer, type WrittenRule } from "./written-rules.js";
export { withoutFences } from "./markdown-fences.js";
export {
  AGENTS_SECTION_END,
  AGENTS_SECTION_START,
  citeFor,
  describeTeamRule,
  loadTeamRuleBook,
  parseTeamRules,
  teamRuleStates,
  WrittenRulesSchema,
  type TeamRule,
  type TeamRuleBook,
  type TeamRuleState,
  type WrittenRulesConfig,
} from "./team-rules.js";
