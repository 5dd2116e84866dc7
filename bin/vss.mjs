#!/usr/bin/env node
// The `vss` command. Runs the TypeScript sources directly through tsx, so `npx vss` works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
