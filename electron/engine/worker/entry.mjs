// Worker entry: Node 20 workers do not inherit tsx hooks registered with register() in the parent,
// so register them here before importing the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
