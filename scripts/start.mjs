#!/usr/bin/env node
// `npm start`: build the web app if its sources changed, then run the server (TypeScript through
// tsx's loader, in this same process).
import path from 'node:path';
import { buildWebIfStale, root } from './build-web.mjs';

buildWebIfStale();
const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'src/server/main.ts'));
