// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temp folder, on a free loopback
// port, with its unix socket in the same folder. Never used by the library itself.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** A running test cluster. */
export interface PostgresCluster {
  /** Superuser URL of the `postgres` database, e.g. `postgres://postgres@127.0.0.1:54012/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  stop(): void;
}

const ENABLE_HINT =
  "PostgreSQL binaries (initdb, pg_ctl) were not found, so the PostgreSQL tests are SKIPPED.\n" +
  "Enable them with: sudo scripts/ci-services.sh   (installs Debian's postgresql package)\n" +
  "or point PG_BIN at a folder holding initdb and pg_ctl.";

/** The notice printed when PostgreSQL tests cannot run. */
export const POSTGRES_SKIP_NOTICE: string = ENABLE_HINT;

/**
 * Finds the folder holding initdb and pg_ctl: `$PG_BIN`, then the newest `/usr/lib/postgresql/<v>/bin`,
 * then `$PATH`. `CLEANSE_PG_TESTS=off` pretends there is none (the PostgreSQL tests are then skipped).
 */
export function findPostgresBin(): string | undefined {
  if (process.env.CLEANSE_PG_TESTS === "off") return undefined;
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(debian, v, "bin"));
  }
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asOwner(isRoot: boolean, command: string, args: readonly string[]): { cmd: string; args: string[] } {
  return isRoot ? { cmd: "runuser", args: ["-u", "postgres", "--", command, ...args] } : { cmd: command, args: [...args] };
}

/**
 * Starts a throwaway cluster. As root, the cluster runs as the `postgres` user (initdb refuses root).
 * @throws Error when no binaries are found or the server does not start
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(ENABLE_HINT);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), "cleanse-pg-"));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  const run = (command: string, args: readonly string[]): void => {
    const c = asOwner(isRoot, join(bin, command), args);
    const result = spawnSync(c.cmd, c.args, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
    }
  };
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const serverOptions = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=50",
      "-c shared_buffers=32MB",
    ].join(" ");
    run("pg_ctl", ["-D", data, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    const c = asOwner(isRoot, join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    spawnSync(c.cmd, c.args, { encoding: "utf8", cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
