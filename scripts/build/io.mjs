// What every build stage shares: where things are, and how a stage reports, fails, runs a
// command and writes a file.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const DIST = join(ROOT, 'dist');
export const PKG = join(DIST, 'pkg');

export function say(message) {
  process.stdout.write(`build: ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`build: error: ${message}\n`);
  process.exit(1);
}

export function run(command, argv, env = {}) {
  const shown = Object.entries(env).map(([key, value]) => `${key}=${/\s/.test(value) ? JSON.stringify(value) : value} `).join('');
  say(`$ ${shown}${[command, ...argv].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const result = spawnSync(command, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} exited with status ${result.status}`);
}

export function read(path) {
  return readFileSync(path, 'utf8');
}

export function write(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}
