import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { FilesConfig, Finding, WardenConfig } from "@warden/core";

/** What a worker is told once: the config and the ids of the file rules to run. */
interface WorkerInit {
  readonly wardenRulesPool: true;
  readonly config: Pick<WardenConfig, "rules" | "overrides" | "ignore"> & { readonly files?: FilesConfig };
  readonly configFile: string | undefined;
  readonly ruleIds: readonly string[];
}

/** One file's results from a worker. */
export interface FileResult {
  readonly path: string;
  readonly findings: Finding[];
  readonly suppressed: number;
}

type ToWorker = { readonly type: "files"; readonly files: readonly { path: string; text: string }[] } | { readonly type: "end" };

/** Whether worker threads can run this module (not when it is TypeScript source run by a test runner). */
export function workersAvailable(): boolean {
  return !import.meta.url.endsWith(".ts");
}

/**
 * Run the file rules over `files` in `threads` worker threads, each parsing its share with its own
 * TypeScript compiler. Results are per file, in the input order, and identical to an in-process run
 * (fingerprints are per file).
 */
export async function checkInWorkers(
  files: readonly { path: string; text: string }[],
  options: { config: WorkerInit["config"]; configFile: string | undefined; ruleIds: readonly string[]; threads: number },
): Promise<FileResult[]> {
  const init: WorkerInit = { wardenRulesPool: true, config: options.config, configFile: options.configFile, ruleIds: options.ruleIds };
  const threads = Math.max(1, Math.min(options.threads, Math.ceil(files.length / 100)));
  const shares: { path: string; text: string }[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, index) => shares[index % threads]?.push(file));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileResult[]>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: init });
          worker.once("message", (message: FileResult[]) => {
            resolve(message);
            worker.postMessage({ type: "end" } satisfies ToWorker);
          });
          worker.once("error", reject);
          worker.postMessage({ type: "files", files: share } satisfies ToWorker);
        }),
    ),
  );
  const byPath = new Map(results.flat().map((r) => [r.path, r]));
  return files.map((file) => byPath.get(file.path) ?? { path: file.path, findings: [], suppressed: 0 });
}

async function serve(init: WorkerInit): Promise<void> {
  const [{ BUILTIN_RULES }, { runRules }] = await Promise.all([import("./builtin.js"), import("./engine.js")]);
  const rules = BUILTIN_RULES.filter((rule) => init.ruleIds.includes(rule.id));
  parentPort?.on("message", (message: ToWorker) => {
    if (message.type === "end") {
      parentPort?.close();
      return;
    }
    void (async () => {
      const out: FileResult[] = [];
      for (const file of message.files) {
        const result = await runRules({
          root: "/",
          files: [{ path: file.path, content: file.text }],
          config: init.config,
          ...(init.configFile === undefined ? {} : { configFile: init.configFile }),
          rules,
          mode: "changes",
          exists: async () => false,
          keepSources: false,
        });
        out.push({ path: file.path, findings: result.findings, suppressed: result.suppressed });
      }
      parentPort?.postMessage(out);
    })();
  });
}

if (!isMainThread && (workerData as Partial<WorkerInit> | undefined)?.wardenRulesPool === true) {
  void serve(workerData as WorkerInit);
}
