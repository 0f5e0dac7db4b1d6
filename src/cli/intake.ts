import { configFromEnvironment } from '../config/config.ts';
import { systemClock } from '../platform/clock.ts';
import { composeStore } from '../app/compose.ts';
import type { TipStore } from '../store/tip-store.ts';
import { INTAKE_USAGE, runIntakeCommand, UsageError } from './intake-command.ts';

/** Entry point of `npm run intake -- <command>`; see intake-command.ts. Exit codes: 0 ok, 1 error, 2 some references not held, 64 usage. */
let store: TipStore | undefined;
try {
  const config = configFromEnvironment();
  store = await composeStore(config);
  process.exitCode = await runIntakeCommand(process.argv.slice(2), {
    store,
    intakeEnabled: config.intake.tokens.length > 0,
    clock: systemClock,
    out: (line) => console.log(line),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${message}\n\n${INTAKE_USAGE}`);
    process.exitCode = 64;
  } else {
    console.error(`intake: ${message}`);
    process.exitCode = 1;
  }
} finally {
  await store?.close();
}
