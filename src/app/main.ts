import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { buildProblems } from '../web/build-output.ts';
import type { RunningServer } from '../web/server.ts';
import { startServer } from './start-server.ts';

try {
  // The environment and the build it would serve, checked together: every problem in one message.
  const config = configFromEnvironment(buildProblems);
  const started = startServer(config);
  let stopping = false;
  /**
   * Logs the stop as the worker does (`npm run worker`), so an operator sees
   * why the process went away. Listening before the server starts: a SIGTERM
   * that comes while it starts would otherwise end the process unlogged.
   */
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const shutDown = async (running: RunningServer) => {
      running.logger.info({ signal, graceMs: config.shutdownGraceMs }, 'server: stopping');
      // The log is written asynchronously: flush it before exiting, or the last lines are lost.
      const exit = (code: number) => running.logger.flush(() => process.exit(code));
      try {
        await running.close();
      } catch (error) {
        running.logger.error({ error: error instanceof Error ? error.name : 'UnknownError' }, 'server: stop failed');
        exit(1);
        return;
      }
      running.logger.info({ signal }, 'server: stopped');
      exit(0);
    };
    // A start that fails is reported below; the signal then has nothing left to stop.
    started.then(shutDown, () => undefined);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await started;
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
