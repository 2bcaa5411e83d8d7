import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { GitHubOpenApi } from "./openapi.js";

/**
 * A stand-in for GitHub's REST API on 127.0.0.1, for tests of octokit calls (GitHub cannot be
 * reached from tests). Every request is checked against GitHub's published OpenAPI description
 * (`@octokit/openapi`, api.github.com): the method and path must match an operation, path and query
 * parameters and the JSON body must be valid against its schemas. A request that is not is answered
 * as GitHub would (404 for an unknown route, 422 for an invalid body) and recorded in
 * {@link GitHubStandIn.violations}, which a test asserts is empty.
 *
 * It keeps the state the answers need (check runs, issue comments, SARIF uploads, deployments and
 * their statuses; workflow runs and pull requests with reviews that a test seeds) and answers realistically: 401 for an unknown token, 403 for a write with a
 * read-only token (a fork's pull request), 422 for a body over GitHub's limits, 404 for a SARIF
 * upload to a repository without code scanning, rate-limit headers on every answer.
 */

/** What a token may do: `read` is a pull request from a fork (GITHUB_TOKEN is read-only there). */
export type TokenAccess = "write" | "read";

/** One request as the stand-in saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly status: number;
}

/** A check run with every annotation sent to it, in order. */
export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string };
  annotations: Record<string, unknown>[];
  started_at: string;
  completed_at: string | null;
}

/** An issue (pull request) comment. */
export interface CommentRecord {
  id: number;
  issue_number: number;
  body: string;
  created_at: string;
  updated_at: string;
  login: string;
}

/** A SARIF upload, decoded (base64 → gunzip → JSON). */
export interface SarifRecord {
  readonly id: string;
  readonly commit_sha: string;
  readonly ref: string;
  readonly compressedBytes: number;
  readonly sarif: { runs: { results?: unknown[] }[] };
}

/** A deployment with its statuses, oldest first. */
export interface DeploymentRecord {
  id: number;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  description: string | null;
  payload: unknown;
  production_environment: boolean;
  transient_environment: boolean;
  created_at: string;
  statuses: { id: number; state: string; description: string; environment: string; environment_url: string; log_url: string; created_at: string }[];
}

/** A completed GitHub Actions workflow run (seeded by a test; listed by `actions/list-workflow-runs-for-repo`). */
export interface WorkflowRunRecord {
  id: number;
  name: string;
  head_sha: string;
  conclusion: "success" | "failure" | "cancelled" | "skipped" | "timed_out";
  created_at: string;
  run_started_at: string;
  updated_at: string;
}

/** A pull request with its reviews (seeded by a test; listed by `pulls/list` and `pulls/list-reviews`). */
export interface PullRecord {
  number: number;
  login: string;
  created_at: string;
  reviews: { id: number; login: string; state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "PENDING"; submitted_at: string | null }[];
}

/** An answer forced on the next request of an operation. */
export interface InjectedAnswer {
  readonly status: number;
  readonly message?: string;
  readonly headers?: Record<string, string>;
  /** Carry the request out first, then answer with `status` (a response lost on the way back). */
  readonly apply?: boolean;
}

/** A running stand-in. */
export interface GitHubStandIn {
  /** Base URL for GITHUB_API_URL / octokit's baseUrl: `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly requests: RecordedRequest[];
  /** Requests that broke GitHub's OpenAPI description; every test asserts this is empty. */
  readonly violations: string[];
  readonly checkRuns: CheckRunRecord[];
  readonly comments: CommentRecord[];
  readonly sarifs: SarifRecord[];
  readonly deployments: DeploymentRecord[];
  /** Workflow runs and pull requests a test seeds for the read-only list operations. */
  readonly workflowRuns: WorkflowRunRecord[];
  readonly pulls: PullRecord[];
  /** Whether the repository accepts SARIF uploads (false: 404 as for code scanning not enabled). */
  codeScanning: boolean;
  /** Answer the next request of `operationId` (e.g. "checks/create") with `answer`. */
  inject(operationId: string, answer: InjectedAnswer): void;
  /** Answer the next request of `operationId` as a primary rate limit whose window has just reset. */
  exhaustRateLimit(operationId: string): void;
  /** Forget every record (keeps tokens and settings). */
  reset(): void;
  close(): Promise<void>;
}

/** Options of {@link startGitHubStandIn}. */
export interface StandInOptions {
  readonly owner?: string;
  readonly repo?: string;
  /** Accepted tokens and what they may do (default: `write-token` writes, `read-token` reads). */
  readonly tokens?: Readonly<Record<string, TokenAccess>>;
  readonly codeScanning?: boolean;
}

/** GitHub's limits the stand-in enforces. */
export const GITHUB_LIMITS = {
  annotationsPerRequest: 50,
  checkOutputBytes: 65_535,
  commentCharacters: 65_536,
  sarifCompressedBytes: 10 * 1024 * 1024,
  sarifResultsPerRun: 25_000,
  statusDescription: 140,
} as const;

const DOCS = "https://docs.github.com/rest";

class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new HttpAnswer(status, { message, documentation_url: DOCS, status: String(status), ...extra });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Start the stand-in on 127.0.0.1 (a free port). */
export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const api = GitHubOpenApi.load();
  const owner = options.owner ?? "acme";
  const repo = options.repo ?? "widgets";
  const tokens = options.tokens ?? { "write-token": "write", "read-token": "read" };
  const injected = new Map<string, InjectedAnswer[]>();
  let nextId = 1000;
  let remaining = 5000;
  const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  const state = {
    requests: [] as RecordedRequest[],
    violations: [] as string[],
    checkRuns: [] as CheckRunRecord[],
    comments: [] as CommentRecord[],
    sarifs: [] as SarifRecord[],
    deployments: [] as DeploymentRecord[],
    workflowRuns: [] as WorkflowRunRecord[],
    pulls: [] as PullRecord[],
  };
  let codeScanning = options.codeScanning ?? true;
  let url = "";
  const repoUrl = (): string => `${url}/repos/${owner}/${repo}`;

  const checkRunJson = (run: CheckRunRecord): unknown => ({
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.head_sha,
    external_id: "",
    url: `${repoUrl()}/check-runs/${run.id}`,
    html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    output: { title: run.output.title ?? null, summary: run.output.summary ?? null, text: run.output.text ?? null, annotations_count: run.annotations.length, annotations_url: `${repoUrl()}/check-runs/${run.id}/annotations` },
    name: run.name,
    check_suite: { id: 1 },
    app: null,
    pull_requests: [],
  });
  const user = (login: string): unknown => ({ login, id: 41898282, node_id: "MDM6Qm90NDE4OTgyODI=", type: login.endsWith("[bot]") ? "Bot" : "User", site_admin: false });
  const commentJson = (c: CommentRecord): unknown => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl()}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${repoUrl()}/issues/${c.issue_number}`,
    body: c.body,
    user: user(c.login),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: "NONE",
  });
  const deploymentJson = (d: DeploymentRecord): unknown => ({
    id: d.id,
    node_id: `DE_${d.id}`,
    url: `${repoUrl()}/deployments/${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: user("github-actions[bot]"),
    created_at: d.created_at,
    updated_at: d.created_at,
    statuses_url: `${repoUrl()}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  });
  const statusJson = (d: DeploymentRecord, s: DeploymentRecord["statuses"][number]): unknown => ({
    id: s.id,
    node_id: `DES_${s.id}`,
    state: s.state,
    description: s.description,
    environment: s.environment,
    target_url: s.log_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl()}/deployments/${d.id}`,
    repository_url: repoUrl(),
    creator: user("github-actions[bot]"),
    url: `${repoUrl()}/deployments/${d.id}/statuses/${s.id}`,
  });

  /** Paginate a list as GitHub does: per_page (max 100), page, and a Link header. */
  const page = (items: unknown[], query: URLSearchParams, path: string): HttpAnswer => {
    const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
    const pageNo = Number(query.get("page") ?? 1);
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const headers: Record<string, string> = {};
    if (pageNo * perPage < items.length) {
      const next = new URLSearchParams(query);
      next.set("page", String(pageNo + 1));
      headers.link = `<${url}${path}?${next.toString()}>; rel="next"`;
    }
    return new HttpAnswer(200, slice, headers);
  };

  const checkOutput = (output: { summary?: string; text?: string; annotations?: Record<string, unknown>[] } | undefined): void => {
    if (output === undefined) return;
    for (const key of ["summary", "text"] as const) {
      const value = output[key];
      if (value !== undefined && Buffer.byteLength(value, "utf8") > GITHUB_LIMITS.checkOutputBytes) {
        fail(422, `Invalid request.\n\nOnly ${GITHUB_LIMITS.checkOutputBytes} characters are allowed; ${Buffer.byteLength(value, "utf8")} were supplied.`);
      }
    }
    const annotations = output.annotations ?? [];
    if (annotations.length > GITHUB_LIMITS.annotationsPerRequest) fail(422, `Invalid request.\n\nOnly ${GITHUB_LIMITS.annotationsPerRequest} annotations are allowed per request; ${annotations.length} were supplied.`);
    for (const a of annotations) {
      if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
        fail(422, "Invalid request.\n\nstart_column and end_column may only be given when start_line equals end_line.");
      }
    }
  };

  type Handler = (ctx: { params: Record<string, string>; query: URLSearchParams; body: Record<string, unknown> }) => HttpAnswer;
  const handlers: Record<string, Handler> = {
    "checks/create": ({ body }) => {
      const output = body.output as { title?: string; summary?: string; text?: string; annotations?: Record<string, unknown>[] } | undefined;
      checkOutput(output);
      const completed = body.status === "completed" || body.conclusion !== undefined;
      const run: CheckRunRecord = {
        id: nextId++,
        name: String(body.name),
        head_sha: String(body.head_sha),
        status: completed ? "completed" : String(body.status ?? "queued"),
        conclusion: (body.conclusion as string | undefined) ?? null,
        output: { ...(output?.title === undefined ? {} : { title: output.title }), ...(output?.summary === undefined ? {} : { summary: output.summary }), ...(output?.text === undefined ? {} : { text: output.text }) },
        annotations: [...(output?.annotations ?? [])],
        started_at: (body.started_at as string | undefined) ?? now(),
        completed_at: completed ? ((body.completed_at as string | undefined) ?? now()) : null,
      };
      state.checkRuns.push(run);
      return new HttpAnswer(201, checkRunJson(run));
    },
    "checks/update": ({ params, body }) => {
      const run = state.checkRuns.find((r) => r.id === Number(params.check_run_id));
      if (run === undefined) fail(404, "Not Found");
      const output = body.output as { title?: string; summary?: string; text?: string; annotations?: Record<string, unknown>[] } | undefined;
      checkOutput(output);
      if (output?.title !== undefined) run.output.title = output.title;
      if (output?.summary !== undefined) run.output.summary = output.summary;
      if (output?.text !== undefined) run.output.text = output.text;
      run.annotations.push(...(output?.annotations ?? []));
      if (body.status !== undefined) run.status = String(body.status);
      if (body.conclusion !== undefined) {
        run.conclusion = String(body.conclusion);
        run.status = "completed";
      }
      if (run.status === "completed") run.completed_at = (body.completed_at as string | undefined) ?? now();
      return new HttpAnswer(200, checkRunJson(run));
    },
    "issues/list-comments": ({ params, query }) =>
      page(
        state.comments.filter((c) => c.issue_number === Number(params.issue_number)).map(commentJson),
        query,
        `/repos/${owner}/${repo}/issues/${params.issue_number}/comments`,
      ),
    "issues/create-comment": ({ params, body }) => {
      const text = String(body.body);
      if (text.length > GITHUB_LIMITS.commentCharacters) fail(422, "Validation Failed", { errors: [{ resource: "IssueComment", code: "unprocessable", field: "data", message: `Body is too long (maximum is ${GITHUB_LIMITS.commentCharacters} characters)` }] });
      const comment: CommentRecord = { id: nextId++, issue_number: Number(params.issue_number), body: text, created_at: now(), updated_at: now(), login: "github-actions[bot]" };
      state.comments.push(comment);
      return new HttpAnswer(201, commentJson(comment));
    },
    "issues/update-comment": ({ params, body }) => {
      const comment = state.comments.find((c) => c.id === Number(params.comment_id));
      if (comment === undefined) fail(404, "Not Found");
      const text = String(body.body);
      if (text.length > GITHUB_LIMITS.commentCharacters) fail(422, "Validation Failed", { errors: [{ resource: "IssueComment", code: "unprocessable", field: "data", message: `Body is too long (maximum is ${GITHUB_LIMITS.commentCharacters} characters)` }] });
      comment.body = text;
      comment.updated_at = now();
      return new HttpAnswer(200, commentJson(comment));
    },
    "issues/delete-comment": ({ params }) => {
      const index = state.comments.findIndex((c) => c.id === Number(params.comment_id));
      if (index < 0) fail(404, "Not Found");
      state.comments.splice(index, 1);
      return new HttpAnswer(204, undefined);
    },
    "code-scanning/upload-sarif": ({ body }) => {
      if (!codeScanning) fail(404, "Code scanning is not enabled for this repository. Please enable code scanning in the repository settings.");
      const compressed = Buffer.from(String(body.sarif), "base64");
      if (compressed.length > GITHUB_LIMITS.sarifCompressedBytes) fail(413, "Payload Too Large");
      let sarif: SarifRecord["sarif"];
      try {
        sarif = JSON.parse(gunzipSync(compressed).toString("utf8")) as SarifRecord["sarif"];
      } catch {
        fail(400, "A header parameter is invalid: sarif must be gzip-compressed, base64-encoded SARIF");
      }
      // GitHub rejects such a file when it processes it; the stand-in refuses it at once.
      if (sarif.runs.some((run) => (run.results?.length ?? 0) > GITHUB_LIMITS.sarifResultsPerRun)) fail(422, `SARIF run has more than ${GITHUB_LIMITS.sarifResultsPerRun} results`);
      const record: SarifRecord = { id: `sarif-${nextId++}`, commit_sha: String(body.commit_sha), ref: String(body.ref), compressedBytes: compressed.length, sarif };
      state.sarifs.push(record);
      return new HttpAnswer(202, { id: record.id, url: `${repoUrl()}/code-scanning/sarifs/${record.id}` });
    },
    "repos/create-deployment": ({ body }) => {
      const environment = String(body.environment ?? "production");
      const deployment: DeploymentRecord = {
        id: nextId++,
        ref: String(body.ref),
        sha: /^[0-9a-f]{40}$/.test(String(body.ref)) ? String(body.ref) : "0".repeat(40),
        task: String(body.task ?? "deploy"),
        environment,
        description: (body.description as string | null | undefined) ?? "",
        payload: body.payload ?? {},
        production_environment: (body.production_environment as boolean | undefined) ?? environment === "production",
        transient_environment: (body.transient_environment as boolean | undefined) ?? false,
        created_at: now(),
        statuses: [],
      };
      state.deployments.push(deployment);
      return new HttpAnswer(201, deploymentJson(deployment));
    },
    "repos/list-deployments": ({ query }) => {
      const matches = state.deployments
        .filter((d) => (query.get("sha") ?? d.sha) === d.sha && (query.get("ref") ?? d.ref) === d.ref && (query.get("task") ?? d.task) === d.task && (query.get("environment") ?? d.environment) === d.environment)
        .reverse();
      return page(matches.map(deploymentJson), query, `/repos/${owner}/${repo}/deployments`);
    },
    "repos/create-deployment-status": ({ params, body }) => {
      const deployment = state.deployments.find((d) => d.id === Number(params.deployment_id));
      if (deployment === undefined) fail(404, "Not Found");
      const description = String(body.description ?? "");
      if (description.length > GITHUB_LIMITS.statusDescription) fail(422, "Validation Failed", { errors: [{ resource: "DeploymentStatus", code: "custom", field: "description", message: `description is too long (maximum is ${GITHUB_LIMITS.statusDescription} characters)` }] });
      const status = {
        id: nextId++,
        state: String(body.state),
        description,
        environment: String(body.environment ?? deployment.environment),
        environment_url: String(body.environment_url ?? ""),
        log_url: String(body.log_url ?? body.target_url ?? ""),
        created_at: now(),
      };
      deployment.statuses.push(status);
      if (status.state === "success" && body.auto_inactive !== false) {
        // GitHub marks the earlier deployments of the environment inactive unless told not to.
        for (const other of state.deployments) {
          if (other === deployment || other.environment !== deployment.environment || other.transient_environment) continue;
          if (other.statuses.at(-1)?.state === "success") other.statuses.push({ ...status, id: nextId++, state: "inactive", description: "" });
        }
      }
      return new HttpAnswer(201, statusJson(deployment, status));
    },
    "actions/list-workflow-runs-for-repo": ({ query }) => {
      // newest first; every seeded run is completed (`status=completed` keeps them all)
      const status = query.get("status");
      const runs = state.workflowRuns
        .filter((r) => status === null || status === "completed" || status === r.conclusion)
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
      const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
      const pageNo = Number(query.get("page") ?? 1);
      const headers: Record<string, string> = {};
      if (pageNo * perPage < runs.length) {
        const next = new URLSearchParams(query);
        next.set("page", String(pageNo + 1));
        headers.link = `<${url}/repos/${owner}/${repo}/actions/runs?${next.toString()}>; rel="next"`;
      }
      const workflow_runs = runs.slice((pageNo - 1) * perPage, pageNo * perPage).map((r) => ({
        id: r.id,
        name: r.name,
        node_id: `WFR_${r.id}`,
        head_branch: "main",
        head_sha: r.head_sha,
        path: ".github/workflows/ci.yml",
        run_number: r.id,
        run_attempt: 1,
        event: "push",
        status: "completed",
        conclusion: r.conclusion,
        workflow_id: 1,
        url: `${repoUrl()}/actions/runs/${r.id}`,
        html_url: `https://github.com/${owner}/${repo}/actions/runs/${r.id}`,
        created_at: r.created_at,
        updated_at: r.updated_at,
        run_started_at: r.run_started_at,
      }));
      return new HttpAnswer(200, { total_count: runs.length, workflow_runs }, headers);
    },
    "pulls/list": ({ query }) => {
      const direction = query.get("direction") ?? "desc";
      const pulls = [...state.pulls].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0) * (direction === "asc" ? 1 : -1));
      return page(
        pulls.map((p) => ({ id: p.number, number: p.number, node_id: `PR_${p.number}`, state: "open", title: `change ${p.number}`, user: user(p.login), created_at: p.created_at, updated_at: p.created_at, url: `${repoUrl()}/pulls/${p.number}`, html_url: `https://github.com/${owner}/${repo}/pull/${p.number}` })),
        query,
        `/repos/${owner}/${repo}/pulls`,
      );
    },
    "pulls/list-reviews": ({ params, query }) => {
      const pull = state.pulls.find((p) => p.number === Number(params.pull_number));
      if (pull === undefined) fail(404, "Not Found");
      return page(
        pull.reviews.map((r) => ({ id: r.id, node_id: `PRR_${r.id}`, user: user(r.login), body: "", state: r.state, submitted_at: r.submitted_at ?? undefined, commit_id: "0".repeat(40), author_association: "MEMBER", html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}#pullrequestreview-${r.id}`, pull_request_url: `${repoUrl()}/pulls/${pull.number}` })),
        query,
        `/repos/${owner}/${repo}/pulls/${pull.number}/reviews`,
      );
    },
    "repos/list-deployment-statuses": ({ params, query }) => {
      const deployment = state.deployments.find((d) => d.id === Number(params.deployment_id));
      if (deployment === undefined) fail(404, "Not Found");
      return page([...deployment.statuses].reverse().map((s) => statusJson(deployment, s)), query, `/repos/${owner}/${repo}/deployments/${deployment.id}/statuses`);
    },
  };

  const handle = async (req: IncomingMessage): Promise<{ answer: HttpAnswer; record: Omit<RecordedRequest, "status"> }> => {
    const method = req.method ?? "GET";
    const target = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = await readBody(req);
    let body: unknown;
    const record = { method, path: target.pathname, operationId: undefined as string | undefined, query: Object.fromEntries(target.searchParams), body: undefined as unknown };
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        state.violations.push(`${method} ${target.pathname}: body is not JSON`);
        return { answer: new HttpAnswer(400, { message: "Problems parsing JSON", documentation_url: DOCS }), record };
      }
    }
    record.body = body;
    const matched = api.match(method, target.pathname);
    if (matched === undefined) {
      state.violations.push(`${method} ${target.pathname}: no such operation in GitHub's REST API`);
      return { answer: new HttpAnswer(404, { message: "Not Found", documentation_url: DOCS }), record };
    }
    const { operation, params } = matched;
    record.operationId = operation.id;
    const problems = api.violations(operation, params, target.searchParams, body);
    if (problems.length > 0) {
      state.violations.push(...problems);
      return { answer: new HttpAnswer(422, { message: "Invalid request.", errors: problems, documentation_url: DOCS }), record };
    }
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const access = auth === undefined ? undefined : tokens[auth];
    if (access === undefined) return { answer: new HttpAnswer(401, { message: "Bad credentials", documentation_url: DOCS }), record };
    if (params.owner !== owner || params.repo !== repo) return { answer: new HttpAnswer(404, { message: "Not Found", documentation_url: DOCS }), record };
    const forced = injected.get(operation.id)?.shift();
    if (forced !== undefined && forced.apply !== true) {
      return { answer: new HttpAnswer(forced.status, { message: forced.message ?? "Server Error", documentation_url: DOCS }, forced.headers), record };
    }
    if (access === "read" && method !== "GET" && method !== "HEAD") {
      return { answer: new HttpAnswer(403, { message: "Resource not accessible by integration", documentation_url: DOCS, status: "403" }), record };
    }
    const handler = handlers[operation.id];
    if (handler === undefined) return { answer: new HttpAnswer(501, { message: `the stand-in does not answer ${operation.id}` }), record };
    let answer: HttpAnswer;
    try {
      answer = handler({ params, query: target.searchParams, body: (body ?? {}) as Record<string, unknown> });
    } catch (error) {
      if (error instanceof HttpAnswer) answer = error;
      else throw error;
    }
    if (forced !== undefined) answer = new HttpAnswer(forced.status, { message: forced.message ?? "Server Error", documentation_url: DOCS }, forced.headers);
    return { answer, record };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req).then(
      ({ answer, record }) => {
        state.requests.push({ ...record, status: answer.status });
        remaining = Math.max(0, remaining - 1);
        const headers: Record<string, string> = {
          "content-type": "application/json; charset=utf-8",
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": String(remaining),
          "x-ratelimit-used": String(5000 - remaining),
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
          "x-ratelimit-resource": "core",
          "x-github-api-version-selected": "2022-11-28",
          "x-github-request-id": `STAND-IN:${state.requests.length}`,
          ...answer.headers,
        };
        res.writeHead(answer.status, headers);
        res.end(answer.body === undefined || answer.status === 204 ? undefined : JSON.stringify(answer.body));
      },
      (error: unknown) => {
        state.violations.push(`stand-in failed: ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "stand-in failure" }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;

  return {
    url,
    owner,
    repo,
    ...state,
    get codeScanning() {
      return codeScanning;
    },
    set codeScanning(value: boolean) {
      codeScanning = value;
    },
    inject(operationId, answer) {
      const list = injected.get(operationId) ?? [];
      list.push(answer);
      injected.set(operationId, list);
    },
    exhaustRateLimit(operationId) {
      const list = injected.get(operationId) ?? [];
      list.push({
        status: 403,
        message: "API rate limit exceeded for installation.",
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) - 1), "x-ratelimit-limit": "5000", "x-ratelimit-used": "5000" },
      });
      injected.set(operationId, list);
    },
    reset() {
      for (const list of [state.requests, state.violations, state.checkRuns, state.comments, state.sarifs, state.deployments, state.workflowRuns, state.pulls] as unknown[][]) list.splice(0);
      injected.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
