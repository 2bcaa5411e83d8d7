import type { DeployEvent, Logger } from "@warden/core";
import { createGitHubClient, describeHttpError, type GitHubClient } from "./client.js";

/** GitHub refuses a deployment status description over 140 characters. */
export const STATUS_DESCRIPTION_LIMIT = 140;

/** The deployment states Warden posts. */
export type DeploymentState = "in_progress" | "success" | "failure" | "inactive";

/** Options of {@link DeploymentReporter}. */
export interface DeploymentReporterOptions {
  readonly token: string;
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
  /** The GitHub environment (Warden's environment name by default). */
  readonly environment: string;
  /** The environment's public address for `environment_url` (default: the URL the deploy reports). */
  readonly environmentUrl?: string;
  /** The run's log for `log_url` (the Actions run page). */
  readonly logUrl?: string;
  readonly production?: boolean;
  readonly userAgent: string;
  readonly logger: Logger;
  readonly writeIntervalMs?: number;
}

/** `text` cut to GitHub's 140 characters for a status description. */
export function statusDescription(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= STATUS_DESCRIPTION_LIMIT ? line : `${line.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`;
}

interface Known {
  readonly id: number;
  readonly release: string;
}

function releaseOf(payload: unknown): string | undefined {
  let value = payload;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const release = (value as { warden?: { release?: unknown } } | null)?.warden?.release;
  return typeof release === "string" ? release : undefined;
}

/**
 * Mirrors a deploy's events on GitHub: `started` creates a deployment (found again instead of
 * created twice when a request is retried) and posts `in_progress`; `succeeded` posts `success`
 * with the environment URL and `inactive` on the deployment it replaced; `failed` posts `failure`;
 * `rolled_back` posts `failure` on the rejected release and `success` again on the release that
 * serves (a manual rollback: a deployment of the release put back). A status that is the
 * deployment's latest already (same state and description) is not posted again, nor
 * `in_progress` to a deployment that has a status, so replayed events change nothing. Events are
 * handled in order on a queue; GitHub errors are logged as warnings and never fail the deploy.
 */
export class DeploymentReporter {
  private readonly client: GitHubClient;
  private queue: Promise<void> = Promise.resolve();
  private current: Known | undefined;
  readonly warnings: string[] = [];

  constructor(private readonly options: DeploymentReporterOptions) {
    this.client = createGitHubClient({
      token: options.token,
      baseUrl: options.apiUrl,
      userAgent: options.userAgent,
      logger: options.logger,
      ...(options.writeIntervalMs === undefined ? {} : { writeIntervalMs: options.writeIntervalMs }),
    });
  }

  /** Take one deploy event (synchronous: the requests run in order on the queue). */
  onEvent(event: DeployEvent): void {
    this.queue = this.queue.then(() => this.handle(event)).catch((error: unknown) => {
      const message = `GitHub deployment status for ${event.type} of ${event.release} not posted: ${describeHttpError(error)}`;
      this.warnings.push(message);
      this.options.logger.warn(message);
    });
  }

  /** Wait until every queued event is on GitHub (never throws). */
  async flush(): Promise<void> {
    await this.queue;
  }

  private get repo(): { owner: string; repo: string } {
    return { owner: this.options.owner, repo: this.options.repo };
  }

  private async handle(event: DeployEvent): Promise<void> {
    const detail = event.detail ?? {};
    switch (event.type) {
      case "started": {
        this.current = await this.findOrCreate(event.release, event.commit);
        await this.post(this.current, "in_progress", `Deploying ${event.release}`);
        return;
      }
      case "succeeded": {
        const current = this.current ?? (await this.findOrCreate(event.release, event.commit));
        const url = this.options.environmentUrl ?? (typeof detail.url === "string" ? detail.url : undefined);
        await this.post(current, "success", `${event.release} is live`, url);
        await this.deactivateOthers(current, `Replaced by ${event.release}`);
        return;
      }
      case "failed": {
        if (detail.manual === true) return; // a failed manual rollback changes nothing on the target
        const current = this.current ?? (await this.findOrCreate(event.release, event.commit));
        await this.post(current, "failure", `Failed at step ${event.step ?? "?"}: ${String(detail.error ?? "")}`);
        return;
      }
      case "rolled_back": {
        if (detail.manual === true) {
          // `warden rollback`: the release put back is deployed again
          const back = await this.findOrCreate(event.release, event.commit);
          await this.post(back, "success", `Rolled back to ${event.release}`, this.options.environmentUrl);
          await this.deactivateOthers(back, `Rolled back to ${event.release}`);
          return;
        }
        const current = this.current ?? (await this.findOrCreate(event.release, event.commit));
        await this.post(current, "failure", `Rolled back at step ${event.step ?? "?"}: ${String(detail.error ?? "")}`);
        const serving = typeof detail.serving === "string" ? detail.serving : undefined;
        const previous = serving === undefined ? undefined : await this.find(serving);
        if (previous !== undefined) await this.post(previous, "success", `Serving again after the rollback of ${event.release}`, this.options.environmentUrl, true);
        return;
      }
      default:
        return;
    }
  }

  /** The Warden deployments of the environment, newest first. */
  private async list(): Promise<Known[]> {
    const deployments = await this.client.paginate(this.client.rest.repos.listDeployments, { ...this.repo, environment: this.options.environment, task: "deploy", per_page: 100 });
    return deployments.flatMap((d) => {
      const release = releaseOf(d.payload);
      return release === undefined ? [] : [{ id: d.id, release }];
    });
  }

  private async find(release: string): Promise<Known | undefined> {
    return (await this.list()).find((d) => d.release === release);
  }

  /** The deployment of `release`: found when it exists (a retried run, a lost response), else created. */
  private async findOrCreate(release: string, commit: string): Promise<Known> {
    const found = await this.find(release);
    if (found !== undefined) return found;
    try {
      const created = await this.client.rest.repos.createDeployment({
        ...this.repo,
        ref: commit,
        task: "deploy",
        environment: this.options.environment,
        description: statusDescription(`warden deploy ${release}`),
        payload: { warden: { release } },
        auto_merge: false,
        required_contexts: [],
        ...(this.options.production === undefined ? {} : { production_environment: this.options.production }),
        // not retried blindly: a retry after a lost answer would create a second deployment
        request: { retries: 0 },
      });
      if (created.status !== 201) throw new Error(`GitHub did not create the deployment (${created.status})`);
      return { id: created.data.id, release };
    } catch (error) {
      const again = await this.find(release);
      if (again !== undefined) return again;
      throw error;
    }
  }

  /** Post `state` unless the deployment's latest status is this one already (same state and description), or `in_progress` to a deployment that has a status. */
  private async post(deployment: Known, state: DeploymentState, description: string, environmentUrl?: string, keepOthers = false): Promise<void> {
    const text = statusDescription(description);
    const latest = await this.client.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: deployment.id, per_page: 1 });
    const last = latest.data[0];
    // in_progress only starts a deployment; a replayed `started` must not reopen a finished one
    if (last !== undefined && (state === "in_progress" || (last.state === state && (last.description ?? "") === text))) return;
    await this.client.rest.repos.createDeploymentStatus({
      ...this.repo,
      deployment_id: deployment.id,
      state,
      description: text,
      environment: this.options.environment,
      ...(this.options.logUrl === undefined ? {} : { log_url: this.options.logUrl }),
      ...(environmentUrl === undefined ? {} : { environment_url: environmentUrl }),
      // Warden marks the replaced deployment inactive itself (production environments included)
      ...(state === "success" || keepOthers ? { auto_inactive: false } : {}),
    });
  }

  /** Mark every other Warden deployment of the environment that is still active inactive. */
  private async deactivateOthers(active: Known, description: string): Promise<void> {
    for (const other of await this.list()) {
      if (other.id === active.id) continue;
      const latest = await this.client.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: other.id, per_page: 1 });
      if (latest.data[0]?.state === "success") await this.post(other, "inactive", description);
    }
  }
}
