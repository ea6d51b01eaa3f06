// A worker's entry: worker threads get no TypeScript loader from the parent, so it registers
// tsx the way bin/gongkai.js does, then loads the worker (under `node --import tsx` too).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
