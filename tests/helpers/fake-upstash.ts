import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP endpoint standing in for Upstash's REST API, which cannot be
 * reached from the test machines (STACK-NOTES). It speaks just enough of the
 * protocol (POST a JSON command array, `{ result }` or `{ error }` back) to
 * test the limiter's failure handling:
 * - `error`: every command gets HTTP 500 with an error body;
 * - `hang`: requests are read and never answered;
 * - `answer`: PING gets PONG and EVALSHA/EVAL get `[1, answerLimit]`, which
 *   every @upstash/ratelimit algorithm reads as "allowed, limit answerLimit",
 *   so a test can tell a remote decision from an embedded one.
 */
export type FakeUpstashMode = 'error' | 'hang' | 'answer';

export interface FakeUpstash {
  url: string;
  token: string;
  /** The limit reported in `answer` mode. */
  answerLimit: number;
  /** Every command received, lower-cased name first. */
  commands: string[][];
  setMode(mode: FakeUpstashMode): void;
  close(): Promise<void>;
}

export async function startFakeUpstash(initialMode: FakeUpstashMode, answerLimit = 777): Promise<FakeUpstash> {
  const token = 'fake-upstash-token';
  let mode = initialMode;
  const commands: string[][] = [];

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const answer = (command: string[], base64: boolean): unknown => {
    if (command[0] === 'ping') return base64 ? Buffer.from('PONG').toString('base64') : 'PONG';
    if (command[0] === 'evalsha' || command[0] === 'eval') return [1, answerLimit];
    return null;
  };

  // @upstash/redis posts one command to `/`, or (auto-pipelining, on by default) a list of commands to `/pipeline`.
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const pipeline = req.url === '/pipeline';
      let received: string[][];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
        received = (pipeline ? (body as unknown[][]) : [body]).map((command) => command.map(String));
      } catch {
        return reply(res, 400, { error: 'ERR bad request body' });
      }
      for (const command of received) {
        command[0] = (command[0] ?? '').toLowerCase();
        commands.push(command);
      }
      if (req.headers.authorization !== `Bearer ${token}`) return reply(res, 401, { error: 'Unauthorized' });
      if (mode === 'hang') return;
      if (mode === 'error') return reply(res, 500, { error: 'ERR fake outage' });
      const base64 = req.headers['upstash-encoding'] === 'base64';
      const results = received.map((command) => ({ result: answer(command, base64) }));
      reply(res, 200, pipeline ? results : results[0]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    answerLimit,
    commands,
    setMode: (next) => void (mode = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
