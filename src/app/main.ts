import { ConfigError, configFromEnvironment } from '../config/config.ts';
import { startServer } from './start-server.ts';

try {
  const config = configFromEnvironment();
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
