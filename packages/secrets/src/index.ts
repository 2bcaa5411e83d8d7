export {
  defineDetector,
  definePathDetector,
  DETECTOR_DOCS,
  type ContentDetector,
  type ContentDetectorSpec,
  type Detector,
  type DetectorWindow,
  type MatchContext,
  type PathDetector,
  type PathDetectorSpec,
  type Verdict,
} from "./define-detector.js";
export { baselineOf, BASELINE_VERSION, parseBaselineText, readBaseline, writeBaseline, type BaselineEntry } from "./baseline.js";
export { base62, crc32, validTokenChecksum } from "./checksum.js";
export { isPlaceholder, shannonEntropy } from "./entropy.js";
export { parsePatchStream, scanCommits, type CommitScanOptions, type PatchFile } from "./history.js";
export { addStats, emptyStats, ScanPool, SharedPathScan, workersAvailable, type PoolJob, type PoolResult } from "./pool.js";
export { MASK, redact } from "./redact.js";
export { ReadAhead, ReadKind } from "./read-ahead.js";
export { createOutputRedactor } from "./output-redactor.js";
export { DETECTORS } from "./registry.js";
export { commitLocation, decodeUtf16, SECRETS_RULE, SecretScanner, utf16Encoding, type ScannerOptions, type ScanStats, type ScanTarget, type SecretsSettings } from "./scanner.js";
export { CATALOGUE_PATH, renderCatalogue } from "./catalogue.js";
export { annotateFindings, baseUrlOf, verifyCandidates, type VerifyCandidate, type VerifyOptions, type VerifyResult } from "./verify/verify.js";
export { VERIFIERS, type Liveness, type Verifier } from "./verify/verifiers.js";
export { blankVaultCiphertext, isVaultPath, VAULT_FILE_NAME } from "./vault-format.js";
