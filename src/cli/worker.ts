import { composeServices } from '../app/compose.ts';
import { configFromEnvironment } from '../config/config.ts';
import { startWorker } from '../delivery/outbox/worker.ts';

/**
 * Entry point of `npm run worker`: the outbox worker as its own process
 * (then run the server with WORKER=off). SIGTERM or SIGINT stops polling,
 * lets the sends in flight finish (up to SHUTDOWN_GRACE_MS) and closes the
 * mail pool and the store. A send cut off by the grace period is not lost:
 * its claim runs out and a worker sends it again, with the same Message-ID.
 */
const { config, clock, logger, store, mailer } = await composeServices(configFromEnvironment());
const worker = startWorker({ store, mailer, clock, logger, config });

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker: stopping');
  const grace = new Promise<'timeout'>((resolve) => setTimeout(resolve, config.shutdownGraceMs, 'timeout').unref());
  const outcome = await Promise.race([worker.stop().then(() => 'stopped' as const), grace]);
  if (outcome === 'timeout') logger.warn({ graceMs: config.shutdownGraceMs }, 'worker: sends still in flight at exit');
  await mailer.close();
  await store.close();
  logger.info({ outcome }, 'worker: stopped');
  // The log is written asynchronously: flush it before exiting, or the last lines are lost.
  logger.flush(() => process.exit(outcome === 'stopped' ? 0 : 1));
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));
// Logged once the signals are handled, so whoever waits for this line may stop the worker at once.
logger.info({ pollMs: config.worker.pollMs, store: config.databaseUrl ? 'postgres' : 'sqlite' }, 'worker: started');
