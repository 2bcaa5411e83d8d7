import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeployEnvironmentSchema } from "@warden/core";
import { deploy, listReleases, renderManifests, rollback, validateManifests } from "@warden/deploy";
import type { TempRepo } from "@warden/test-utils";
import { initVault, setSecret } from "@warden/vault";
import { cleanupRepo, eventsOf, serviceRepo } from "./helpers.js";

const repos: TempRepo[] = [];
afterEach(async () => {
  for (const repo of repos.splice(0)) await cleanupRepo(repo);
});

/** A fake kubectl that appends its argv (one line per call) to `log`; `rollout status` fails while `failFlag` exists, `rollout undo` removes it. */
function fakeKubectl(dir: string): { bin: string; log: string; failFlag: string } {
  const bin = path.join(dir, "fake-bin", "kubectl");
  const log = path.join(dir, "kubectl.log");
  const failFlag = path.join(dir, "fail-rollout");
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(
    bin,
    `#!/bin/sh\necho "$*" >> "${log}"\ncase "$*" in *"rollout undo"*) rm -f "${failFlag}";; *"rollout status"*) if [ -e "${failFlag}" ]; then echo "error: deployment exceeded its progress deadline" >&2; exit 1; fi;; esac\nexit 0\n`,
  );
  chmodSync(bin, 0o755);
  return { bin, log, failFlag };
}

/** The parts of the rendered objects the assertions read. */
interface Manifest {
  kind: string;
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: { spec: { containers: { image: string; readinessProbe: { httpGet: { path: string } } }[] } };
  } & { selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
}

const k8sTarget = { type: "kubernetes", name: "hello", namespace: "shop", image: "registry.example/hello:{commit}", replicas: 3, context: "prod" };

describe("kubernetes target", () => {
  it("renders a Deployment and a Service that pass the Kubernetes schema", async () => {
    const env = DeployEnvironmentSchema.parse({ target: k8sTarget });
    if (env.target.type !== "kubernetes") throw new Error("wrong target");
    const manifests = renderManifests(env.target, "prod", "20261122T000000000Z-abcdef1", "abcdef1234", env.health);
    await validateManifests(manifests);
    const [deployment, service] = manifests as unknown as [Manifest, Manifest];
    expect(deployment.kind).toBe("Deployment");
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0]?.image).toBe("registry.example/hello:abcdef1234");
    expect(deployment.spec.template.spec.containers[0]?.readinessProbe.httpGet.path).toBe("/healthz");
    expect(deployment.spec.selector.matchLabels).toEqual(service.spec.selector);
    expect(service.spec.ports[0]).toMatchObject({ port: 80, targetPort: "http" });
  });

  it("rejects a manifest that does not match the schema before kubectl runs", async () => {
    const env = DeployEnvironmentSchema.parse({ target: k8sTarget });
    if (env.target.type !== "kubernetes") throw new Error("wrong target");
    const [deployment] = renderManifests(env.target, "prod", "r1", "c1", env.health);
    if (deployment === undefined) throw new Error("nothing rendered");
    (deployment.spec as Record<string, unknown>).replicas = "three";
    await expect(validateManifests([deployment])).rejects.toThrow(/Deployment\/hello does not match the Kubernetes schema/);
  });

  it("applies, waits for the rollout, and undoes it when the rollout fails — the exact kubectl sequence", async () => {
    const repo = serviceRepo();
    repos.push(repo);
    const kubectl = fakeKubectl(repo.dir);
    const config = DeployEnvironmentSchema.parse({ target: { ...k8sTarget, kubectl: kubectl.bin }, build: false, preflight: { cleanTree: false, check: false, scan: false } });
    const ok = await deploy({ root: repo.dir, env: "prod", config });
    expect(ok.outcome, ok.error).toBe("succeeded");
    const file = `.warden/deploy/prod/releases/${ok.release}/kubernetes.json`;
    const applied = JSON.parse(readFileSync(path.join(repo.dir, file), "utf8")) as { items: { kind: string }[] };
    expect(applied.items.map((i) => i.kind)).toEqual(["Deployment", "Service"]);
    const base = "--context prod --namespace shop";
    expect(readFileSync(kubectl.log, "utf8").trim().split("\n")).toEqual([
      `${base} apply -f ${path.join(repo.dir, file)}`,
      `${base} rollout status deployment/hello --timeout=300s`,
      `${base} rollout status deployment/hello --timeout=1s`,
    ]);

    writeFileSync(kubectl.log, "");
    writeFileSync(kubectl.failFlag, "");
    const bad = await deploy({ root: repo.dir, env: "prod", config });
    expect(bad.outcome).toBe("rolled_back");
    expect(bad.error).toMatch(/progress deadline/);
    expect(readFileSync(kubectl.log, "utf8").trim().split("\n").slice(1)).toEqual([
      `${base} rollout status deployment/hello --timeout=300s`,
      `${base} rollout undo deployment/hello`,
      `${base} rollout status deployment/hello --timeout=300s`,
    ]);
    expect((await listReleases({ root: repo.dir, env: "prod", config })).map((r) => [r.release, r.live])).toEqual([[ok.release, true]]);
  });
});

/**
 * A fake kubectl (Node) that records its argv (one line per call) and plays a Deployment's
 * revisions: each `apply -f FILE` of a Deployment makes a revision for the release in its pod
 * template labels; `get replicasets -l …warden.dev/release=R` answers R's revision; a Secret
 * applied over stdin is recorded as its name and keys only.
 */
function revisionKubectl(dir: string): { bin: string; log: string; secrets: string } {
  const bin = path.join(dir, "fake-bin", "kubectl-revisions");
  const log = path.join(dir, "kubectl.log");
  const state = path.join(dir, "kubectl-state.json");
  const secrets = path.join(dir, "kubectl-secrets.log");
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, args.join(" ") + "\\n");
const state = fs.existsSync(${JSON.stringify(state)}) ? JSON.parse(fs.readFileSync(${JSON.stringify(state)}, "utf8")) : { revisions: [] };
const at = args.indexOf("apply");
if (at >= 0 && args[at + 2] === "-") {
  const secret = JSON.parse(fs.readFileSync(0, "utf8"));
  fs.appendFileSync(${JSON.stringify(secrets)}, JSON.stringify({ kind: secret.kind, name: secret.metadata.name, keys: Object.keys(secret.stringData), values: Object.values(secret.stringData) }) + "\\n");
} else if (at >= 0) {
  const list = JSON.parse(fs.readFileSync(args[at + 2], "utf8"));
  const deployment = list.items.find((i) => i.kind === "Deployment");
  state.revisions.push({ release: deployment.spec.template.metadata.labels["warden.dev/release"], revision: state.revisions.length + 1 });
} else if (args.includes("replicasets")) {
  const release = /warden\\.dev\\/release=([^,\\s]+)/.exec(args[args.indexOf("-l") + 1])[1];
  process.stdout.write(state.revisions.filter((r) => r.release === release).map((r) => r.revision).join(" "));
}
fs.writeFileSync(${JSON.stringify(state)}, JSON.stringify(state));
`,
  );
  chmodSync(bin, 0o755);
  return { bin, log, secrets };
}

describe("kubernetes: revisions, hardened manifests, secrets by reference, --dry-run", () => {
  it("renders resources, probes, preStop, grace period, securityContext and secretKeyRef — valid against the schema", async () => {
    const env = DeployEnvironmentSchema.parse({ target: { ...k8sTarget, resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } }, terminationGracePeriodSeconds: 45, runAsUser: 10001 } });
    if (env.target.type !== "kubernetes") throw new Error("wrong target");
    const manifests = renderManifests(env.target, "prod", "r1", "c1", env.health, { secretNames: ["DATABASE_URL"], keepReleases: 4 });
    await validateManifests(manifests);
    const spec = (manifests[0] as { spec: { revisionHistoryLimit: number; template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } } } }).spec;
    expect(spec.revisionHistoryLimit).toBe(4);
    expect(spec.template.spec).toMatchObject({ terminationGracePeriodSeconds: 45, securityContext: { runAsNonRoot: true, runAsUser: 10001 }, volumes: [{ name: "tmp", emptyDir: {} }] });
    expect(spec.template.spec.containers[0]).toMatchObject({
      resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
      startupProbe: { httpGet: { path: "/healthz", port: "http" } },
      lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 5"] } } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
      volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    });
    expect(spec.template.spec.containers[0]?.env).toContainEqual({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "hello-secrets", key: "DATABASE_URL" } } });
  });

  it("rollback --to maps the release to its Deployment revision (--to-revision N); --dry-run renders and validates", async () => {
    const repo = serviceRepo();
    repos.push(repo);
    const kubectl = revisionKubectl(repo.dir);
    const config = DeployEnvironmentSchema.parse({ target: { ...k8sTarget, kubectl: kubectl.bin }, build: false, preflight: { cleanTree: false, check: false, scan: false } });
    const grants = { "deploy:prod": ["DATABASE_URL"] };
    const planned = await deploy({ root: repo.dir, env: "prod", config, dryRun: true, grants });
    expect(planned.outcome).toBe("planned");
    const json = planned.plan.slice(planned.plan.indexOf("manifests (valid against the Kubernetes schema):") + 1).join("\n");
    const items = (JSON.parse(json) as { items: { kind: string; spec: { template?: { spec: { containers: { env: unknown[]; startupProbe?: unknown }[] } } } }[] }).items;
    expect(items.map((i) => i.kind)).toEqual(["Deployment", "Service"]);
    expect(items[0]?.spec.template?.spec.containers[0]?.env).toContainEqual({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "hello-secrets", key: "DATABASE_URL" } } });
    expect(existsSync(kubectl.log)).toBe(false); // a dry run calls no kubectl

    // the granted secret reaches the cluster as a Secret over kubectl's stdin only
    const value = `postgres://app:${randomBytes(9).toString("hex")}@db/app`;
    const vaultEnv = { WARDEN_MASTER_KEY: randomBytes(32).toString("hex"), WARDEN_KEY_DIR: path.join(repo.dir, "..", `${path.basename(repo.dir)}-keys`) };
    initVault(repo.dir, vaultEnv);
    setSecret(repo.dir, "prod", "DATABASE_URL", value, vaultEnv);
    const saved = { WARDEN_MASTER_KEY: process.env.WARDEN_MASTER_KEY, WARDEN_KEY_DIR: process.env.WARDEN_KEY_DIR };
    Object.assign(process.env, vaultEnv);
    const releases: string[] = [];
    try {
      for (let i = 0; i < 3; i += 1) {
        const done = await deploy({ root: repo.dir, env: "prod", config, grants });
        expect(done.outcome, done.error).toBe("succeeded");
        releases.push(done.release);
      }
    } finally {
      for (const [key, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[key];
        else process.env[key] = v;
      }
    }
    const secrets = readFileSync(kubectl.secrets, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(secrets).toHaveLength(3);
    expect(secrets[0]).toEqual({ kind: "Secret", name: "hello-secrets", keys: ["DATABASE_URL"], values: [value] });
    expect(readFileSync(kubectl.log, "utf8")).not.toContain(value);
    expect(readFileSync(kubectl.log, "utf8")).toContain("apply -f -");
    const rendered = readFileSync(path.join(repo.dir, `.warden/deploy/prod/releases/${releases[2] ?? ""}/kubernetes.json`), "utf8");
    expect(rendered).toContain('"secretKeyRef"');
    expect(rendered).not.toContain(value);
    writeFileSync(kubectl.log, "");
    const back = await rollback({ root: repo.dir, env: "prod", config, to: releases[0] });
    expect(back.outcome, back.error).toBe("rolled_back");
    const base = "--context prod --namespace shop";
    expect(readFileSync(kubectl.log, "utf8").trim().split("\n")).toEqual([
      `${base} get replicasets -l app.kubernetes.io/name=hello,warden.dev/env=prod,warden.dev/release=${releases[0]} -o jsonpath={.items[*].metadata.annotations.deployment\\.kubernetes\\.io/revision}`,
      `${base} rollout undo deployment/hello --to-revision=1`,
      `${base} rollout status deployment/hello --timeout=300s`,
    ]);
    expect(eventsOf(repo.dir, "prod").at(-1)).toMatchObject({ type: "rolled_back", detail: { to: releases[0], revision: 1 } });
    expect((await listReleases({ root: repo.dir, env: "prod", config })).find((r) => r.live)?.release).toBe(releases[0]);
    // a release whose ReplicaSet the cluster no longer has is refused, not replaced by "the previous one"
    const stateFile = path.join(repo.dir, "kubectl-state.json");
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as { revisions: { release: string }[] };
    writeFileSync(stateFile, JSON.stringify({ revisions: state.revisions.filter((r) => r.release !== releases[1]) }));
    const gone = await rollback({ root: repo.dir, env: "prod", config, to: releases[1] });
    expect(gone.outcome).toBe("failed");
    expect(gone.error).toMatch(/has no ReplicaSet left in deployment\/hello/);
    expect(readFileSync(kubectl.log, "utf8")).not.toMatch(/rollout undo deployment\/hello\n/);
  });
});

describe("command target", () => {
  it("runs the deploy and health commands, and the rollback command when health fails", async () => {
    const repo = serviceRepo();
    repos.push(repo);
    const log = path.join(repo.dir, "commands.log");
    const config = (healthy: boolean) =>
      DeployEnvironmentSchema.parse({
        target: {
          type: "command",
          deploy: `echo "deploy $WARDEN_ENV $WARDEN_RELEASE" >> ${log}`,
          health: healthy ? `echo health >> ${log}` : `echo health >> ${log}; echo "503 from app" >&2; exit 1`,
          rollback: `echo "rollback to $WARDEN_ROLLBACK_TO" >> ${log}`,
        },
        build: false,
        preflight: { cleanTree: false, check: false, scan: false },
      });
    const first = await deploy({ root: repo.dir, env: "web", config: config(true) });
    expect(first.outcome, first.error).toBe("succeeded");
    const second = await deploy({ root: repo.dir, env: "web", config: config(false) });
    expect(second.outcome).toBe("rolled_back");
    expect(second.error).toMatch(/503 from app/);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      `deploy web ${first.release}`,
      "health",
      `deploy web ${second.release}`,
      "health",
      `rollback to ${first.release}`,
    ]);
    expect(eventsOf(repo.dir, "web").filter((e) => e.type === "rolled_back")).toHaveLength(1);

    const third = await deploy({ root: repo.dir, env: "web", config: config(true) });
    expect(third.outcome).toBe("succeeded");
    const manual = await rollback({ root: repo.dir, env: "web", config: config(true) });
    expect(manual.release).toBe(first.release);
    expect(readFileSync(log, "utf8").trim().split("\n").at(-1)).toBe(`rollback to ${first.release}`);
  });
});
