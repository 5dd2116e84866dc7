#!/usr/bin/env node
// The `vss` command. Runs the built CLI (dist/electron/vss.mjs); in a development checkout whose
// build is missing or older than the sources, runs the TypeScript sources through tsx instead.
// See bin/resolve-cli.mjs for the rule.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseCli } from './resolve-cli.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 15)) {
  process.stderr.write(`vss: needs Node.js 20.15 or newer (this is ${process.versions.node})\n`);
  process.exit(1);
}
const choice = chooseCli(fileURLToPath(new URL('..', import.meta.url)));
if ('error' in choice) {
  process.stderr.write(`vss: ${choice.error}\n`);
  process.exit(1);
}
if (choice.from === 'source') {
  const { register } = await import('tsx/esm/api');
  register();
}
const { runProcess } = await import(pathToFileURL(choice.path).href);
await runProcess(process.argv.slice(2));
