import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WardenError, type DeployTarget } from "@warden/core";
import { StepFailedError } from "../errors.js";
import { localRecords } from "../records.js";
import { lastLine, runArgv } from "../shell.js";
import { localEnvDir } from "./local.js";
import type { ManagedTarget, TargetContext } from "../types.js";

type KubernetesConfig = Extract<DeployTarget, { type: "kubernetes" }>;

/** What else shapes the manifests: the names of the granted secrets (as secretKeyRef) and the ReplicaSets kept. */
export interface RenderOptions {
  readonly secretNames?: readonly string[];
  readonly keepReleases?: number;
}

/** The Secret that holds the granted secrets (its data is applied over kubectl's stdin, never rendered to a file). */
export function secretNameOf(target: KubernetesConfig): string {
  return target.secretName ?? `${target.name}-secrets`;
}

/** The Deployment and Service of a release, as plain objects (validated by {@link validateManifests}). */
export function renderManifests(target: KubernetesConfig, env: string, release: string, commit: string, health: { path: string; intervalMs?: number; retries?: number }, options: RenderOptions = {}): Record<string, unknown>[] {
  const labels = { "app.kubernetes.io/name": target.name, "app.kubernetes.io/managed-by": "warden", "warden.dev/env": env };
  const image = target.image.replaceAll("{commit}", commit).replaceAll("{release}", release);
  const probe = { httpGet: { path: health.path, port: "http" } };
  // the startup probe gives a slow start as long as the health check would (retries × interval), at least a minute
  const startupFailures = Math.max(30, Math.ceil(((health.retries ?? 20) * (health.intervalMs ?? 250)) / 2000));
  const resources = Object.fromEntries(
    Object.entries({ requests: target.resources.requests, limits: target.resources.limits })
      .map(([kind, quantities]) => [kind, Object.fromEntries(Object.entries(quantities).filter(([, v]) => v !== undefined))] as const)
      .filter(([, quantities]) => Object.keys(quantities).length > 0),
  );
  const secret = secretNameOf(target);
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: target.name,
      namespace: target.namespace,
      labels,
      annotations: { "warden.dev/release": release, "warden.dev/commit": commit, "kubernetes.io/change-cause": `warden deploy ${env} ${release}` },
    },
    spec: {
      replicas: target.replicas,
      revisionHistoryLimit: Math.max(options.keepReleases ?? 10, 2),
      selector: { matchLabels: { "app.kubernetes.io/name": target.name, "warden.dev/env": env } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: { ...labels, "warden.dev/release": release } },
        spec: {
          terminationGracePeriodSeconds: target.terminationGracePeriodSeconds,
          securityContext: { runAsNonRoot: true, ...(target.runAsUser === undefined ? {} : { runAsUser: target.runAsUser }), seccompProfile: { type: "RuntimeDefault" } },
          ...(target.readOnlyRootFilesystem ? { volumes: [{ name: "tmp", emptyDir: {} }] } : {}),
          containers: [
            {
              name: target.name,
              image,
              ports: [{ name: "http", containerPort: target.containerPort }],
              env: [
                { name: "PORT", value: String(target.containerPort) },
                { name: "WARDEN_RELEASE", value: release },
                ...Object.entries(target.env).map(([name, value]) => ({ name, value })),
                ...(options.secretNames ?? []).map((name) => ({ name, valueFrom: { secretKeyRef: { name: secret, key: name } } })),
              ],
              resources,
              startupProbe: { ...probe, periodSeconds: 2, failureThreshold: startupFailures },
              readinessProbe: { ...probe, periodSeconds: 2, failureThreshold: 3 },
              livenessProbe: { ...probe, periodSeconds: 10, failureThreshold: 3 },
              ...(target.preStopSleepSeconds > 0 ? { lifecycle: { preStop: { exec: { command: ["sh", "-c", `sleep ${target.preStopSleepSeconds}`] } } } } : {}),
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: target.readOnlyRootFilesystem, capabilities: { drop: ["ALL"] } },
              ...(target.readOnlyRootFilesystem ? { volumeMounts: [{ name: "tmp", mountPath: "/tmp" }] } : {}),
            },
          ],
        },
      },
    },
  };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: target.name, namespace: target.namespace, labels },
    spec: {
      selector: { "app.kubernetes.io/name": target.name, "warden.dev/env": env },
      ports: [{ name: "http", port: target.servicePort, targetPort: "http" }],
    },
  };
  return [deployment, service];
}

/**
 * Validate manifests against the Kubernetes OpenAPI schema (the JSON schemas shipped by
 * `kubernetes-models`). Throws a WardenError naming the object and the first problem.
 */
export async function validateManifests(manifests: readonly Record<string, unknown>[]): Promise<void> {
  // loaded on demand: the schemas are large and only this target needs them
  const { Deployment } = await import("kubernetes-models/apps/v1/Deployment");
  const { Service } = await import("kubernetes-models/v1/Service");
  for (const manifest of manifests) {
    const model = manifest.kind === "Deployment" ? new Deployment(manifest as never) : manifest.kind === "Service" ? new Service(manifest as never) : undefined;
    if (model === undefined) throw new WardenError("INPUT", `no schema for kind ${String(manifest.kind)}`);
    try {
      model.validate();
    } catch (error) {
      const name = (manifest.metadata as { name?: string } | undefined)?.name ?? "?";
      throw new WardenError("CONFIG_INVALID", `${String(manifest.kind)}/${name} does not match the Kubernetes schema: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The `kubernetes` target: renders a Deployment and a Service, validates them, applies them with
 * `kubectl apply`, waits with `kubectl rollout status`, and rolls back with `kubectl rollout undo`.
 */
export default function kubernetesTarget(ctx: TargetContext, target: KubernetesConfig): ManagedTarget {
  const envDir = localEnvDir(ctx.root, ctx.env);
  const base = [...(target.context === undefined ? [] : ["--context", target.context]), "--namespace", target.namespace];
  const manifestFile = (release: string): string => path.join(envDir, "releases", release, "kubernetes.json");
  let secrets: ReadonlyMap<string, string> = new Map();
  const kubectl = async (step: string, args: string[], input?: string): Promise<string> => {
    const result = await runArgv(target.kubectl, [...base, ...args], { cwd: ctx.root, ...(input === undefined ? {} : { input }) });
    if (result.code !== 0) throw new StepFailedError(step, `${target.kubectl} ${args.slice(0, 2).join(" ")} exited ${result.code}: ${lastLine(result.output)}`);
    return result.output;
  };
  const render = (release: string, commit: string): Record<string, unknown>[] =>
    renderManifests(target, ctx.env, release, commit, ctx.config.health, { secretNames: [...secrets.keys()], keepReleases: ctx.config.keepReleases });
  const rolloutArgs = ["rollout", "status", `deployment/${target.name}`, `--timeout=${Math.ceil(target.rolloutTimeoutMs / 1000)}s`];
  /** The Deployment revision whose ReplicaSet runs `release` (undefined: none left in the cluster). */
  const revisionOf = async (release: string): Promise<number | undefined> => {
    const selector = `app.kubernetes.io/name=${target.name},warden.dev/env=${ctx.env},warden.dev/release=${release}`;
    const out = await kubectl("rollback", ["get", "replicasets", "-l", selector, "-o", "jsonpath={.items[*].metadata.annotations.deployment\\.kubernetes\\.io/revision}"]);
    const revisions = out
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    return revisions.length === 0 ? undefined : Math.max(...revisions);
  };
  return {
    kind: "managed",
    type: "kubernetes",
    describe: () => `kubernetes deployment/${target.name} in ${target.namespace}${target.context === undefined ? "" : ` (context ${target.context})`}`,
    ...localRecords(envDir, ctx),
    useSecrets: (values) => {
      secrets = values;
    },
    plan: (release) => [
      ...(secrets.size === 0 ? [] : [`${target.kubectl} ${[...base, "apply", "-f", "-"].join(" ")}   # Secret ${secretNameOf(target)} (${[...secrets.keys()].join(", ")}) over stdin`]),
      `${target.kubectl} ${[...base, "apply", "-f", path.relative(ctx.root, manifestFile(release))].join(" ")}`,
      `${target.kubectl} ${[...base, ...rolloutArgs].join(" ")}`,
    ],
    preview: async (release, commit) => {
      const manifests = render(release, commit);
      await validateManifests(manifests);
      return [`manifests (valid against the Kubernetes schema):`, ...JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }, null, 2).split("\n")];
    },
    apply: async (release, commit) => {
      const manifests = render(release, commit);
      await validateManifests(manifests);
      const file = manifestFile(release);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }, null, 2)}\n`);
      if (secrets.size > 0) {
        // the values go over kubectl's stdin only: never in a file or on a command line
        const secret = { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: { name: secretNameOf(target), namespace: target.namespace, labels: { "app.kubernetes.io/managed-by": "warden" } }, stringData: Object.fromEntries(secrets) };
        await kubectl("switch", ["apply", "-f", "-"], JSON.stringify(secret));
      }
      await kubectl("switch", ["apply", "-f", file]);
      await kubectl("switch", rolloutArgs);
    },
    health: async () => {
      try {
        await kubectl("health", ["rollout", "status", `deployment/${target.name}`, "--timeout=1s"]);
        return ctx.config.health.url === undefined ? { ok: true, detail: "rollout complete" } : undefined;
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    rollback: async (to, options) => {
      if (to === undefined || options?.undoLast === true) {
        await kubectl("rollback", ["rollout", "undo", `deployment/${target.name}`]);
        await kubectl("rollback", rolloutArgs);
        return {};
      }
      // the release's own revision, not just "the previous one"
      const revision = await revisionOf(to);
      if (revision === undefined) throw new StepFailedError("rollback", `release ${to} has no ReplicaSet left in deployment/${target.name} (beyond revisionHistoryLimit); deploy its commit again instead`);
      await kubectl("rollback", ["rollout", "undo", `deployment/${target.name}`, `--to-revision=${revision}`]);
      await kubectl("rollback", rolloutArgs);
      return { revision };
    },
  };
}
