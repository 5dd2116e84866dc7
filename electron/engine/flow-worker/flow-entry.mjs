// Flow worker entry. Node 20 workers do not inherit tsx hooks registered with register() in the
// parent, so register them here before importing the TypeScript worker (as engine/worker/entry.mjs
// does). Named flow-entry.mjs, not entry.mjs: both workers' bundles land in dist/electron/.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
