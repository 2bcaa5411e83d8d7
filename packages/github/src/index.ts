export { ANNOTATIONS_PER_REQUEST, annotationOf, batches, conclusionOf, MAX_ANNOTATIONS, publishCheckRun, type Annotation, type CheckRunResult } from "./check-runs.js";
export { createGitHubClient, DEFAULT_WRITE_INTERVAL_MS, describeHttpError, httpStatus, isPermissionError, type GitHubClient, type GitHubClientOptions } from "./client.js";
export { COMMENT_MARKER, commentBody, upsertStickyComment, type CleanCommentPolicy, type CommentResult } from "./comment.js";
export { readActionsContext, type ActionsContext, type PullRequestContext } from "./context.js";
export { DELIVERY_LIMITS, readDeliveryFigures, type PullReviewFigure, type WorkflowRunFigure } from "./delivery.js";
export { DeploymentReporter, STATUS_DESCRIPTION_LIMIT, statusDescription, type DeploymentReporterOptions, type DeploymentState } from "./deployments.js";
export { CHECK_OUTPUT_LIMIT_BYTES, COMMENT_LIMIT_BYTES, countLine, renderFindingsMarkdown, type ToolReport } from "./markdown.js";
export { reportToGitHub, writeArtifact, type CiNotice, type CiReportOptions, type CiReportResult } from "./report.js";
export { prepareSarif, SARIF_MAX_COMPRESSED_BYTES, SARIF_RESULTS_PER_RUN, uploadSarif, type PreparedSarif, type SarifUploadResult } from "./sarif.js";
