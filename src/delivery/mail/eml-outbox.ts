import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Development mode without SMTP_URL: each message becomes a file under
 * DATA_DIR/mail-outbox/, readable only by the service's user (it holds a tip).
 * Written to a temporary name, synced, then renamed, so a reader never sees
 * half a message; sending the same tip again replaces its file.
 */

export function outboxDirectory(dataDir: string): string {
  return join(dataDir, 'mail-outbox');
}

/** `tip-ABCD-EFGH.eml` (the reference is checked by the message builder before it gets here). */
export function outboxFileName(reference: string): string {
  if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(reference)) throw new Error('outboxFileName: malformed reference');
  return `tip-${reference}.eml`;
}

/** `digest-12-202611261300.eml` for a surge digest. */
export function digestFileName(digestId: number, createdAt: number): string {
  const minute = new Date(createdAt).toISOString().slice(0, 16).replace(/\D/g, '');
  return `digest-${Math.trunc(digestId)}-${minute}.eml`;
}

/** Writes a tip's raw message atomically with mode 0600 and returns its path. */
export async function writeEml(dataDir: string, reference: string, message: Buffer): Promise<string> {
  return writeEmlFile(dataDir, outboxFileName(reference), message);
}

/** Writes a raw message under `fileName` (one of this module's names) atomically with mode 0600. */
export async function writeEmlFile(dataDir: string, fileName: string, message: Buffer): Promise<string> {
  const directory = outboxDirectory(dataDir);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, fileName);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(message);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
  // Make the rename itself durable.
  const dir = await open(directory, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return path;
}
