import { configFromEnvironment } from '../config/config.ts';
import { systemClock } from '../platform/clock.ts';
import { runBackup } from './backup-command.ts';

/** Entry point of `npm run backup [-- <path>]`; see backup-command.ts. */
try {
  const outcome = await runBackup(configFromEnvironment(), systemClock, process.argv[2]);
  console.log(`backup: ${outcome.path} (${outcome.bytes} bytes, ${outcome.tips} tips, integrity ok)`);
  for (const name of outcome.pruned) console.log(`backup: deleted ${name} (older than RETENTION_DAYS)`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
