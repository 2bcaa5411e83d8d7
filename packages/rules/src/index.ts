export { BUILTIN_RULES } from "./builtin.js";
export { CATALOGUE_FILE, renderCatalogue } from "./catalogue.js";
export {
  defineRule,
  docsLinkOf,
  docsPathOf,
  type CommitInfo,
  type FileContext,
  type FileRule,
  type Language,
  type ParsedFile,
  type RepoContext,
  type RepoRule,
  type ReportDescriptor,
  type Rule,
  type RuleMessage,
} from "./define-rule.js";
export { ruleClasses, runRules, shardOf, type CheckFile, type CheckProgress, type ResultStore, type RunRulesInput, type RunRulesResult, type Shard } from "./engine.js";
export { isBinary, isTestFile, languageOf } from "./files.js";
export { RuleSettings, type EffectiveSetting } from "./settings.js";
export type { Suppression } from "./suppressions.js";
