// A worker thread does not always inherit the parent's TypeScript loader (vitest runs without one).
import { register } from 'tsx/esm/api';

register();
await import('./ranking-worker.ts');
