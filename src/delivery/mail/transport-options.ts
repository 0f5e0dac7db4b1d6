import type { ConnectionOptions } from 'node:tls';
import type { SMTPPoolOptions } from 'nodemailer';
import { isLoopbackHost, type Config } from '../../config/config.ts';

/**
 * The pooled SMTP transport's options, from configuration. Pure, so the TLS
 * rules are unit-tested without a network:
 * - `smtps://` is implicit TLS (port 465 by default);
 * - `smtp://` must upgrade with STARTTLS (`requireTLS`) unless the relay is on
 *   this machine (loopback), where a local relay often has no certificate;
 * - the sending rate is paced in front of the pool (see pacer.ts), not by the
 *   pool's own `rateLimit`;
 * - certificates are always verified (nodemailer's default); `tls` adds a CA
 *   for a relay with a private one.
 */

/** Default timeouts are minutes long; the worker would rather retry. */
const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;

export interface TransportExtras {
  /** The name we greet the relay with (EHLO); the site's host name, not the machine's. */
  clientName: string;
  /** Extra TLS options, e.g. `{ ca }` for a relay with a private or self-signed certificate. */
  tls?: ConnectionOptions | undefined;
}

export function smtpPoolOptions(mail: Config['mail'], extras: TransportExtras): SMTPPoolOptions & { pool: true } {
  if (!mail.smtpUrl) throw new Error('smtpPoolOptions: SMTP_URL is not set');
  const url = new URL(mail.smtpUrl);
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') throw new Error(`SMTP_URL: unsupported protocol ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const user = decodeURIComponent(url.username);

  return {
    pool: true,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopbackHost(url.hostname),
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    ...(extras.tls ? { tls: extras.tls } : {}),
    name: extras.clientName,
    maxConnections: mail.poolConnections,
    ...(mail.dkim ? { dkim: mail.dkim } : {}),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}
