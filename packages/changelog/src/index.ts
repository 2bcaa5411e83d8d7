import { changelogFunctions } from "./formatter.js";

/**
 * `@warden/changelog`: change tracking for Warden. The default export is the changesets changelog
 * formatter (`"changelog": ["@warden/changelog", { "repo": "owner/name" }]` in
 * `.changeset/config.json`); the named exports are the changeset gate, the public API diff and
 * the ADR tool used by `warden` and its rules.
 */
export default changelogFunctions;
export { changelogFunctions, formatDependencyLine, formatReleaseLine, FormatterOptionsSchema, type FormatterOptions } from "./formatter.js";
export { DATE_LINE, releaseDate, stampChangelogs, stampText } from "./stamp.js";
export { bumpsOf, evaluateGate, GateOptionsSchema, isChangesetFile, shippedChanges, type ChangesetFile, type GateCommit, type GateOptions, type GatePackage, type GateResult } from "./gate.js";
export { buildSurface, buildSurfaces, diffSurfaces, manifestEntries, type ApiChange, type ApiSurface, type ApiSymbol } from "./api.js";
export { bumpCovers, diffPackages, requiredBump, writeSnapshots, type Bump, type PackageApiDiff } from "./api-report.js";
export { commitSource, resolveCommit, workTreeSource, type TreeSource } from "./sources.js";
export {
  ADR_DIR,
  ADR_STATUSES,
  adrId,
  migrateLegacy,
  newAdr,
  readAdrs,
  supersedeAdr,
  validateAdrs,
  withIndex,
  writeIndex,
  type Adr,
  type AdrProblem,
  type AdrStatus,
} from "./adr.js";
