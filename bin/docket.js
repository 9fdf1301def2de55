#!/usr/bin/env node
// Installed `docket` command: runs the TypeScript CLI directly (Node >= 22.18 strips types).
import { main } from '../src-main/core/cli/docket.ts';

process.exitCode = await main(process.argv.slice(2));
