#!/usr/bin/env node
import { main } from "../dist/bundle/cleanse.js";

process.exitCode = await main(process.argv.slice(2));
