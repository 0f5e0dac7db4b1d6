import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

/** The file under DATA_DIR that keeps the development secret. */
export const APP_SECRET_FILE = 'app-secret';

const MIN_LENGTH = 32;

/**
 * The application secret (keys the rate limiter's client identifiers, and
 * whatever else needs a server-side key). Called once at start-up.
 *
 * - `NODE_ENV=production`: APP_SECRET, which the configuration already
 *   requires there.
 * - Otherwise APP_SECRET when set, else the secret in `DATA_DIR/app-secret`,
 *   generated on first start (32 random bytes, base64url, mode 0600), so
 *   `npm start` works straight after install.
 *
 * Several instances share the secret through the same APP_SECRET or the same
 * DATA_DIR. The file is written to a temporary name and then hard-linked
 * into place, which fails if another process got there first: a racing
 * process then reads the winner's secret, so all end with the same one and
 * nobody ever reads a half-written file.
 */
export function resolveAppSecret(config: Pick<Config, 'nodeEnv' | 'appSecret' | 'dataDir'>): string {
  if (config.appSecret) return config.appSecret;
  if (config.nodeEnv === 'production') throw new Error('APP_SECRET is required when NODE_ENV=production');
  const path = join(config.dataDir, APP_SECRET_FILE);
  const existing = readSecret(path);
  if (existing !== undefined) return existing;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(32).toString('base64url'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const secret = readSecret(path);
  if (secret === undefined) throw new Error(`${path} could not be read back after writing it`);
  return secret;
}

function readSecret(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.length < MIN_LENGTH) {
    throw new Error(`${path} holds a secret shorter than ${MIN_LENGTH} characters; delete it to generate a new one`);
  }
  return text;
}
