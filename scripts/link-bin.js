#!/usr/bin/env node
// `npm install` runs this (prepare): puts the project's own `gongkai` command in node_modules/.bin,
// so `npx gongkai …` in the project runs it at once instead of installing the project into npx's cache.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'gongkai');
fs.mkdirSync(binDir, { recursive: true });
try {
  if (fs.readlinkSync(link) === '../../bin/gongkai.js') process.exit(0);
  fs.rmSync(link);
} catch {
  fs.rmSync(link, { force: true });
}
fs.symlinkSync('../../bin/gongkai.js', link);
