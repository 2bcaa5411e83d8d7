import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WardenError, type DeployTarget } from "@warden/core";
import { StepFailedError } from "../errors.js";
import { localRecords } from "../records.js";
import { lastLine, runArgv } from "../shell.js";
import { localEnvDir } from "./local.js";
import type { ManagedTarget, TargetContext } from "../types.js";

type KubernetesConfig = Extract<DeployTarget, { type: "kubernetes" }>;

/** The Deployment and Service of a release, as plain objects (validated by {@link validateManifests}). */
export function renderManifests(target: KubernetesConfig, env: string, release: string, commit: string, health: { path: string }): Record<string, unknown>[] {
  const labels = { "app.kubernetes.io/name": target.name, "app.kubernetes.io/managed-by": "warden", "warden.dev/env": env };
  const image = target.image.replaceAll("{commit}", commit).replaceAll("{release}", release);
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
      selector: { matchLabels: { "app.kubernetes.io/name": target.name, "warden.dev/env": env } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: { ...labels, "warden.dev/release": release } },
        spec: {
          containers: [
            {
              name: target.name,
              image,
              ports: [{ name: "http", containerPort: target.containerPort }],
              env: [
                { name: "PORT", value: String(target.containerPort) },
                { name: "WARDEN_RELEASE", value: release },
                ...Object.entries(target.env).map(([name, value]) => ({ name, value })),
              ],
              readinessProbe: { httpGet: { path: health.path, port: "http" }, periodSeconds: 2, failureThreshold: 3 },
              livenessProbe: { httpGet: { path: health.path, port: "http" }, periodSeconds: 10, failureThreshold: 3 },
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
  const kubectl = async (step: string, args: string[]): Promise<string> => {
    const result = await runArgv(target.kubectl, [...base, ...args], { cwd: ctx.root });
    if (result.code !== 0) throw new StepFailedError(step, `${target.kubectl} ${args.slice(0, 2).join(" ")} exited ${result.code}: ${lastLine(result.output)}`);
    return result.output;
  };
  const rolloutArgs = ["rollout", "status", `deployment/${target.name}`, `--timeout=${Math.ceil(target.rolloutTimeoutMs / 1000)}s`];
  return {
    kind: "managed",
    type: "kubernetes",
    describe: () => `kubernetes deployment/${target.name} in ${target.namespace}${target.context === undefined ? "" : ` (context ${target.context})`}`,
    ...localRecords(envDir, ctx),
    plan: (release) => [
      `${target.kubectl} ${[...base, "apply", "-f", path.relative(ctx.root, manifestFile(release))].join(" ")}`,
      `${target.kubectl} ${[...base, ...rolloutArgs].join(" ")}`,
    ],
    apply: async (release, commit) => {
      const manifests = renderManifests(target, ctx.env, release, commit, ctx.config.health);
      await validateManifests(manifests);
      const file = manifestFile(release);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ apiVersion: "v1", kind: "List", items: manifests }, null, 2)}\n`);
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
    rollback: async () => {
      await kubectl("rollback", ["rollout", "undo", `deployment/${target.name}`]);
      await kubectl("rollback", rolloutArgs);
    },
  };
}
