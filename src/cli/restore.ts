import { configFromEnvironment } from '../config/config.ts';
import { runRestore } from './restore-command.ts';

/** Entry point of `npm run restore -- <backup file>`; see restore-command.ts. Exit codes: 0 restored, 1 refused or failed. */
try {
  const outcome = runRestore(configFromEnvironment(), process.argv[2]);
  console.log(
    `restore: ${outcome.path} (${outcome.bytes} bytes, ${outcome.tips} tips); start the server on this DATA_DIR`,
  );
} catch (error) {
  console.error(`restore refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
