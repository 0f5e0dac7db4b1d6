import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for tests: it captures every accepted
 * message (raw bytes, parsed with mailparser, and the SMTP envelope) and can
 * be told to misbehave the way real relays do (THREATS #12).
 *
 *   const sink = await startSmtpSink();
 *   sink.failNext(3, 451);            // 451 three times, then accept
 *   sink.failAlways(550);             // 550 for every message
 *   sink.rejectRecipient('b@x.se');   // partial rejection at RCPT TO
 *   await sink.stop(); await sink.start();  // down, then back on the same port
 *   await sink.close();
 */

/** One message the sink accepted. */
/** The only headers a forwarded tip may carry, sorted; none of them holds user text (THREATS #3). */
export const TIP_EMAIL_HEADERS = [
  'auto-submitted',
  'content-transfer-encoding',
  'content-type',
  'date',
  'from',
  'message-id',
  'mime-version',
  'subject',
  'to',
];

/** Header names exactly as received (unfolded, repeats kept), lower-cased, sorted: compare with `TIP_EMAIL_HEADERS`. */
export function headerNames(raw: Buffer): string[] {
  const head = raw.toString('latin1').split('\r\n\r\n', 1)[0] ?? '';
  return head
    .split('\r\n')
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase())
    .sort();
}

export interface CapturedMessage {
  /** The message exactly as received after DATA (dot-unstuffed). */
  raw: Buffer;
  parsed: ParsedMail;
  envelope: { mailFrom: string; rcptTo: string[] };
  /** True when the session was encrypted (STARTTLS). */
  secure: boolean;
}

/** Where in the SMTP transaction a scripted fault answers. */
export type FaultStage = 'mail' | 'rcpt' | 'data';

/** Every transaction the sink saw, accepted or refused (for counting attempts). */
export interface Attempt {
  mailFrom: string;
  rcptTo: string[];
  /** The reply code the transaction ended with (250 when accepted). */
  code: number;
}

export interface SmtpSinkOptions {
  /** Offer STARTTLS with a self-signed certificate made at start (see `makeTestCertificate`). */
  tls?: TestCertificate;
}

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  /** Messages accepted so far, in arrival order. */
  messages: CapturedMessage[];
  /** Transactions that reached MAIL FROM, including refused ones. */
  attempts: Attempt[];
  /** Resolves once at least `count` messages have been accepted (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMessage[]>;
  /** Refuse the next `times` transactions with `code` (default 451) at `stage` (default the end of DATA), then accept. */
  failNext(times: number, code?: number, stage?: FaultStage): void;
  /** Refuse every transaction with `code` (default 550) at `stage` until `reset()`. */
  failAlways(code?: number, stage?: FaultStage): void;
  /** Refuse one recipient at RCPT TO with `code` (default 550); the others are accepted. */
  rejectRecipient(address: string, code?: number): void;
  /** Takes `ms` to process each message before accepting it (a slow relay); 0 turns it off. */
  delayAcceptance(ms: number): void;
  /** Clears scripted faults (failNext, failAlways, rejectRecipient); captured messages stay. */
  clearFaults(): void;
  /** Clears scripted faults, captured messages and attempts. */
  reset(): void;
  /** Stops listening and drops open connections; the port stays reserved for `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port after `stop()`. */
  start(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

/** A key and self-signed certificate for localhost / 127.0.0.1 (PEM). */
export interface TestCertificate {
  key: string;
  cert: string;
}

/**
 * Makes a throwaway self-signed certificate with the system's openssl, or
 * returns undefined when openssl is missing (the caller skips its TLS test).
 */
export function makeTestCertificate(): TestCertificate | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sink-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Fault {
  code: number;
  stage: FaultStage;
}

const REPLY_TEXT: Record<number, string> = {
  421: 'Service not available, closing channel',
  450: 'Mailbox unavailable, try again later',
  451: 'Local error in processing, try again later',
  452: 'Insufficient system storage',
  550: 'Mailbox unavailable',
  551: 'User not local',
  552: 'Exceeded storage allocation',
  553: 'Mailbox name not allowed',
  554: 'Transaction failed',
};

function smtpError(code: number): Error & { responseCode: number } {
  return Object.assign(new Error(REPLY_TEXT[code] ?? 'Refused by the test sink'), { responseCode: code });
}

/** Starts a sink on 127.0.0.1 with an ephemeral port. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: CapturedMessage[] = [];
  const attempts: Attempt[] = [];
  const waiters = new Set<() => void>();
  const rejectedRecipients = new Map<string, number>();
  let failures: { remaining: number; fault: Fault } | undefined;
  let acceptanceDelayMs = 0;
  // The fault decided at MAIL FROM applies to the whole transaction.
  const transactionFault = new WeakMap<SMTPServerSession, Fault | undefined>();
  const transactionAttempt = new WeakMap<SMTPServerSession, Attempt>();

  const nextFault = (): Fault | undefined => {
    if (!failures || failures.remaining === 0) return undefined;
    failures.remaining -= 1;
    return failures.fault;
  };

  const addresses = (session: SMTPServerSession) => session.envelope.rcptTo.map((rcpt) => rcpt.address);

  const createServer = () =>
    new SMTPServer({
      name: 'smtp-sink.test',
      logger: false,
      disableReverseLookup: true,
      authOptional: true,
      disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
      size: 25 * 1024 * 1024,
      closeTimeout: 50,
      onMailFrom(address, session, callback) {
        const fault = nextFault();
        transactionFault.set(session, fault);
        const attempt: Attempt = { mailFrom: address.address, rcptTo: [], code: 250 };
        transactionAttempt.set(session, attempt);
        attempts.push(attempt);
        if (fault?.stage === 'mail') {
          attempt.code = fault.code;
          return callback(smtpError(fault.code));
        }
        callback();
      },
      onRcptTo(address, session, callback) {
        const attempt = transactionAttempt.get(session);
        attempt?.rcptTo.push(address.address);
        const fault = transactionFault.get(session);
        const code = fault?.stage === 'rcpt' ? fault.code : rejectedRecipients.get(address.address.toLowerCase());
        if (code !== undefined) {
          if (attempt) attempt.code = code;
          return callback(smtpError(code));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const attempt = transactionAttempt.get(session);
          const fault = transactionFault.get(session);
          if (fault?.stage === 'data') {
            if (attempt) attempt.code = fault.code;
            return callback(smtpError(fault.code));
          }
          const raw = Buffer.concat(chunks);
          const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: addresses(session),
          };
          const secure = session.secure;
          const processed =
            acceptanceDelayMs > 0 ? new Promise((resolve) => setTimeout(resolve, acceptanceDelayMs)) : undefined;
          Promise.resolve(processed)
            .then(() => simpleParser(raw))
            .then(
              (parsed) => {
                messages.push({ raw, parsed, envelope, secure });
                for (const wake of waiters) wake();
                callback();
              },
              (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
            );
        });
      },
    });

  let server: SMTPServer | undefined;
  const sockets = new Set<Socket>();
  let port = 0;

  const listen = async () => {
    const current = createServer();
    server = current;
    // A client that dies mid-session (a killed server under test) resets its socket: expected, not a test failure.
    current.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
    });
    current.server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    // Another process may hold the port for a moment after stop(); retry briefly.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await new Promise<void>((resolve, reject) => {
          current.server.once('error', reject);
          current.listen(port, '127.0.0.1', () => {
            current.server.off('error', reject);
            resolve();
          });
        });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const address = current.server.address();
    if (!address || typeof address === 'string') throw new Error('smtp sink: no TCP address');
    port = address.port;
  };

  let listening = false;
  const stopServer = async () => {
    if (!listening || !server) return;
    listening = false;
    const current = server;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    // Drop open (pooled) connections at once: "the relay went away".
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await listen();
  listening = true;

  const sink: SmtpSink = {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    attempts,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    failNext(times, code = 451, stage = 'data') {
      failures = { remaining: times, fault: { code, stage } };
    },
    failAlways(code = 550, stage = 'data') {
      failures = { remaining: Infinity, fault: { code, stage } };
    },
    rejectRecipient(address, code = 550) {
      rejectedRecipients.set(address.toLowerCase(), code);
    },
    delayAcceptance(ms) {
      acceptanceDelayMs = ms;
    },
    clearFaults() {
      failures = undefined;
      rejectedRecipients.clear();
    },
    reset() {
      sink.clearFaults();
      messages.length = 0;
      attempts.length = 0;
    },
    stop: stopServer,
    async start() {
      if (listening) return;
      await listen();
      listening = true;
    },
    close: stopServer,
  };
  return sink;
}
