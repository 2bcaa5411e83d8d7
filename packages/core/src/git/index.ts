export { BlobReader, readInBatches, type ObjectInfo } from "./blobs.js";
export { PathProbe } from "./probe.js";
export {
  changedSince,
  changesBetween,
  emptyTree,
  parsePrePushInput,
  parseRawDiff,
  pushRanges,
  readChangedContents,
  stagedChanges,
  type ChangedContents,
  type ChangedFile,
  type FileContent,
  type PushRange,
  type PushedRef,
  type SizeLimit,
} from "./changes.js";
export { commitExists, gitText, repoRoot, runGit, type GitResult } from "./run.js";
export { gitLocation, shallowCommits, UNSHALLOW_HINT, type GitLocation } from "./shallow.js";
