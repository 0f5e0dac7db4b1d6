import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { startServer } from './start-server.ts';

try {
  const config = configFromEnvironment();
  const running = await startServer(config);
  let stopping = false;
  /** Logs the stop as the worker does (`npm run worker`), so an operator sees why the process went away. */
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    running.logger.info({ signal, graceMs: config.shutdownGraceMs }, 'server: stopping');
    // The log is written asynchronously: flush it before exiting, or the last lines are lost.
    const exit = (code: number) => running.logger.flush(() => process.exit(code));
    running.close().then(
      () => {
        running.logger.info({ signal }, 'server: stopped');
        exit(0);
      },
      (error: unknown) => {
        running.logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'server: stop failed');
        exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
