// Runs `cleanse run <job>` in its own process, for the tests that interrupt or kill a run.
import { main } from "../packages/cli/src/index.ts";

const [job, cwd] = process.argv.slice(2);
process.stdout.write("started\n");
process.exitCode = await main(["run", job!, "--quiet"], { cwd: cwd! });
