export { BUILTIN_RULES } from "./builtin.js";
export {
  defineRule,
  docsPathOf,
  type FileContext,
  type FileRule,
  type Language,
  type RepoContext,
  type RepoRule,
  type ReportDescriptor,
  type Rule,
  type RuleMessage,
} from "./define-rule.js";
export { runRules, type CheckFile, type RunRulesInput, type RunRulesResult } from "./engine.js";
export { isBinary, isTestFile, languageOf } from "./files.js";
export { RuleSettings, type EffectiveSetting } from "./settings.js";
export { parseSuppressions, type Suppression } from "./suppressions.js";
export { describeWrittenRule, WRITTEN_RULES } from "./written-rules.js";
