import { SMTPServer } from 'smtp-server';

/** An SMTP server on 127.0.0.1 that accepts and discards every message, counting them (the drain scenario's sink). */
export async function startNullSmtp(): Promise<{
  url: string;
  count(): number;
  firstAt(): number;
  lastAt(): number;
  close(): Promise<void>;
}> {
  let count = 0;
  let first = 0;
  let last = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        count += 1;
        last = performance.now();
        if (count === 1) first = last;
        callback();
      });
      stream.resume();
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => count,
    firstAt: () => first,
    lastAt: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
