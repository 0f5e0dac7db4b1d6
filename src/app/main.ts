import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { buildProblems } from '../web/build-output.ts';
import { startServer } from './start-server.ts';

try {
  // The environment and the build it would serve, checked together: every problem in one message.
  const config = configFromEnvironment(buildProblems);
  const running = await startServer(config);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
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
