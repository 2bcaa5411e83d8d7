import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { freePort } from "./net.js";
import { descendants } from "./processes.js";

/** A throwaway OpenSSH server on 127.0.0.1 with its own host key, client key and known_hosts. */
export interface Sshd {
  readonly port: number;
  readonly user: string;
  readonly identityFile: string;
  readonly knownHostsFile: string;
  readonly dir: string;
  /** The last `lines` lines sshd wrote (LogLevel INFO: connections, authentications, errors), for a failing test's message. */
  log(lines?: number): string;
  stop(): void;
}

/** Lines of sshd's output kept for {@link Sshd.log}. */
const KEPT_LINES = 400;

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/**
 * Start `/usr/sbin/sshd` (Debian's openssh-server) in the foreground with a temp sshd_config
 * that works for a non-root user too (own host key, pid file, authorized_keys; no PAM, no
 * StrictModes; `env`: variables set in every session with `SetEnv`). Throws with sshd's own
 * output when it cannot start — the test must fail loudly.
 */
export async function startSshd(options: { env?: Readonly<Record<string, string>> } = {}): Promise<Sshd> {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-sshd-"));
  const key = (name: string): void => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path.join(dir, name)]);
  };
  key("host_key");
  key("client_key");
  copyFileSync(path.join(dir, "client_key.pub"), path.join(dir, "authorized_keys"));
  chmodSync(path.join(dir, "authorized_keys"), 0o600);
  if (process.getuid?.() === 0) mkdirSync("/run/sshd", { recursive: true, mode: 0o755 }); // privilege separation dir, needed when run as root
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    writeFileSync(
      path.join(dir, "sshd_config"),
      [
        `Port ${port}`,
        "ListenAddress 127.0.0.1",
        `HostKey ${path.join(dir, "host_key")}`,
        `PidFile ${path.join(dir, "sshd.pid")}`,
        `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "PermitRootLogin prohibit-password",
        "AllowTcpForwarding yes",
        "MaxSessions 50",
        "MaxStartups 50",
        // INFO: "Server listening on …" proves that this sshd bound the port (see below), and a
        // failing test can show each connection and why it ended.
        "LogLevel INFO",
        // variables of every session (e.g. a PATH with stand-in commands first)
        ...Object.entries(options.env ?? {}).map(([name, value]) => `SetEnv ${name}=${value}`),
        "",
      ].join("\n"),
    );
    const child: ChildProcess = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", path.join(dir, "sshd_config")], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (c: Buffer): void => {
      output += c.toString("utf8");
      const lines = output.split("\n");
      if (lines.length > KEPT_LINES * 2) output = lines.slice(-KEPT_LINES).join("\n");
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let exited = false;
    child.on("exit", () => (exited = true));
    child.on("error", (error) => {
      exited = true;
      output += error.message;
    });
    // Ready when this sshd says it listens on the port: a connection alone could reach another
    // process that took the port between freePort() and sshd's bind (a shared machine runs many
    // tests at once), and then every ssh of the test would talk to a stranger.
    const listening = `Server listening on 127.0.0.1 port ${port}.`;
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline && !output.includes(listening)) await new Promise((r) => setTimeout(r, 50));
    if (!exited && output.includes(listening) && (await canConnect(port))) {
      const hostKey = readFileSync(path.join(dir, "host_key.pub"), "utf8").trim().split(" ").slice(0, 2).join(" ");
      const knownHostsFile = path.join(dir, "known_hosts");
      writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${hostKey}\n`);
      return {
        port,
        user: userInfo().username,
        identityFile: path.join(dir, "client_key"),
        knownHostsFile,
        dir,
        log: (lines = 60) => output.trimEnd().split("\n").slice(-lines).join("\n"),
        stop: () => {
          // sshd forks one process per connection (ssh control masters keep theirs open): stop them
          // with the listener, or they outlive the test
          const pids = [...descendants(child.pid ?? -1), child.pid ?? -1].filter((pid) => pid > 0);
          for (const pid of pids) {
            try {
              process.kill(pid, "SIGKILL");
            } catch {
              // gone already
            }
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill("SIGKILL");
    lastError = output.trim() || "sshd exited without output";
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`cannot start sshd on 127.0.0.1 (is openssh-server installed? bash scripts/ci/system-deps.sh): ${lastError}`);
}
