import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Processes still running that mention one of `marks` (a temp folder of the test) in their
 * command line or working folder: what a test started and did not stop. Zombies are skipped.
 */
export function strayProcesses(marks: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmdline = "";
    let cwd = "";
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      if (/\) Z /.test(stat)) continue; // a zombie holds nothing
      cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      cwd = readlinkSync(`/proc/${name}/cwd`);
    } catch {
      // gone meanwhile, or not ours to read
    }
    if (marks.some((mark) => cmdline.includes(mark) || cwd === mark || cwd.startsWith(`${mark}/`))) found.push(`${name} ${cmdline}`);
  }
  return found;
}

/** Every process below `pid` (children found through /proc: ppid is field 4 of stat). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited while listing
    }
  }
  const found: number[] = [];
  const walk = (p: number): void => {
    for (const c of parents.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

/** Wait (up to `timeoutMs`) until no process mentions `marks`; the ones still running then. */
export async function waitForNoStrays(marks: readonly string[], timeoutMs = 5000): Promise<string[]> {
  let stray = strayProcesses(marks);
  for (const deadline = Date.now() + timeoutMs; stray.length > 0 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stray = strayProcesses(marks);
  }
  return stray;
}
