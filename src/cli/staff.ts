import { configFromEnvironment } from '../config/config.ts';
import { systemClock } from '../platform/clock.ts';
import { composeStaffStores } from '../app/compose-stores.ts';
import { runStaffCommand, STAFF_USAGE, StaffUsageError } from './staff-command.ts';

/** Entry point of `npm run staff -- <command>`; see staff-command.ts. Exit codes: 0 ok, 1 error, 64 usage. */
let stores: Awaited<ReturnType<typeof composeStaffStores>> | undefined;
try {
  stores = await composeStaffStores(configFromEnvironment());
  process.exitCode = await runStaffCommand(process.argv.slice(2), {
    staff: stores.staff,
    clock: systemClock,
    out: (line) => console.log(line),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof StaffUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${message}\n\n${STAFF_USAGE}`);
    process.exitCode = 64;
  } else {
    console.error(`staff: ${message}`);
    process.exitCode = 1;
  }
} finally {
  await stores?.staff.close();
  await stores?.tips.close();
}
