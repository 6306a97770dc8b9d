// Lets a plain `node` child process run the TypeScript sources directly (Node 20 cannot strip types):
//   node --conditions=@cleanse/source --import ./test/db-ts-register.mjs script.ts
import { register } from "node:module";

register("./db-ts-hooks.mjs", import.meta.url);
