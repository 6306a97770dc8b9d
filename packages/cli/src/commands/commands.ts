import type { Command } from "./Command.ts";
import { dedupeCommand } from "./dedupeCommand.ts";
import { explainCommand } from "./explainCommand.ts";
import { linkCommand } from "./linkCommand.ts";
import { profileCommand } from "./profileCommand.ts";
import { reconcileCommand } from "./reconcileCommand.ts";
import { reviewCommand } from "./reviewCommand.ts";
import { runCommand } from "./runCommand.ts";
import { validateCommand } from "./validateCommand.ts";

/** Every `cleanse` subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  runCommand,
  validateCommand,
  profileCommand,
  dedupeCommand,
  linkCommand,
  reviewCommand,
  explainCommand,
  reconcileCommand,
];
