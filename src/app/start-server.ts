import type { Config } from '../config/config.ts';
import { assertBuiltWith } from '../web/build-output.ts';
import type { Timeouts } from '../web/edge/http-server.ts';
import { serveWeb, type RunningServer } from '../web/server.ts';
import { composeServerServices, type Overrides } from './compose.ts';

export type { RunningServer };

/** Checks the build matches `config`, composes the server's services and serves the site and the API. */
export async function startServer(
  config: Config,
  overrides: Overrides & { timeouts?: Timeouts } = {},
): Promise<RunningServer> {
  assertBuiltWith(config);
  return serveWeb(await composeServerServices(config, overrides), overrides.timeouts);
}
