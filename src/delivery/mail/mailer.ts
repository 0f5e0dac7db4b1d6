import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AcceptedTip } from '../../store/accepted-tip.ts';
import { classifySendError, partialRejection } from './classify.ts';
import { PermanentDeliveryError, TemporaryDeliveryError } from './errors.ts';
import { buildDigestEmail, type EmailDigest } from './digest-email.ts';
import { digestFileName, outboxFileName, writeEmlFile } from './eml-outbox.ts';
import { buildTipEmail, isHostName, type TipEmailOptions } from './tip-email.ts';
import { createPacer, type PacerClock } from './pacer.ts';
import { smtpPoolOptions } from './transport-options.ts';

/**
 * Forwards accepted tips to the staff mailbox. `send` resolves only when
 * every recipient accepted the message; otherwise it rejects with a
 * `TemporaryDeliveryError` (retry later) or a `PermanentDeliveryError`
 * (dead letter). Calls may overlap: they share a pool of SMTP connections.
 */
export interface TipMailer {
  send(tip: AcceptedTip): Promise<{ messageId: string }>;
  /** The surge digest (see digest-email.ts), to the fixed recipients only; same rules as `send`. */
  sendDigest(digest: EmailDigest): Promise<{ messageId: string }>;
  /** Closes idle connections; messages already handed over finish first. */
  close(): Promise<void>;
}

export interface MailerDeps {
  dataDir: string;
  nodeEnv: Config['nodeEnv'];
  logger: Logger;
  /** The site's host name (from SITE_URL): Message-IDs and the EHLO name. */
  siteHost: string;
  /** Extra TLS options for the relay, e.g. `{ ca }` for a private CA. */
  tls?: ConnectionOptions;
  /** The clock that paces sending (MAIL_RATE_PER_MINUTE); real time by default. */
  pacerClock?: PacerClock;
  /** TIP_EMAIL_CONTENT (full by default). */
  content?: TipEmailOptions['content'];
}

/** SMTP through a pool when SMTP_URL is set; `.eml` files under DATA_DIR/mail-outbox otherwise. */
export function createMailer(mail: Config['mail'], deps: MailerDeps): TipMailer {
  if (!isHostName(deps.siteHost)) throw new Error(`createMailer: "${deps.siteHost}" is not a host name`);
  const messageOptions: TipEmailOptions = {
    from: mail.from,
    to: mail.to,
    areaRecipients: mail.areaRecipients,
    siteHost: deps.siteHost,
    content: deps.content,
  };
  return mail.smtpUrl ? createSmtpMailer(mail, deps, messageOptions) : createOutboxMailer(mail, deps, messageOptions);
}

function createSmtpMailer(mail: Config['mail'], deps: MailerDeps, messageOptions: TipEmailOptions): TipMailer {
  const options = smtpPoolOptions(mail, { clientName: deps.siteHost, tls: deps.tls });
  const transport = nodemailer.createTransport(options);
  const pace = createPacer(mail.ratePerMinute, deps.pacerClock);
  deps.logger.info(
    {
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTLS,
      maxConnections: options.maxConnections,
      ratePerMinute: mail.ratePerMinute,
      dkim: Boolean(mail.dkim),
    },
    'mail: SMTP pool',
  );

  const deliver = async (message: SendMailOptions) => {
    await pace();
    let info;
    try {
      info = await transport.sendMail(message);
    } catch (error) {
      throw classifySendError(error);
    }
    const refused = partialRejection(info);
    if (refused) throw refused;
    return { messageId: info.messageId };
  };

  return {
    send: async (tip) => deliver(buildMessage(() => buildTipEmail(tip, messageOptions))),
    sendDigest: async (digest) => deliver(buildMessage(() => buildDigestEmail(digest, messageOptions))),
    async close() {
      transport.close();
    },
  };
}

function createOutboxMailer(mail: Config['mail'], deps: MailerDeps, messageOptions: TipEmailOptions): TipMailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(mail.dkim ? { dkim: mail.dkim } : {}),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  deps.logger.info(
    { nodeEnv: deps.nodeEnv },
    'mail: SMTP_URL is not set, tips are written as .eml files under DATA_DIR/mail-outbox',
  );

  const deliver = async (message: SendMailOptions, fileName: string) => {
    let info;
    try {
      info = await transport.sendMail(message);
    } catch (error) {
      throw classifySendError(error);
    }
    if (!Buffer.isBuffer(info.message)) throw new TemporaryDeliveryError('stream transport returned no buffer');
    // A full disk or a permission problem is worth retrying once fixed.
    const path = await writeEmlFile(deps.dataDir, fileName, info.message).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw classifySendError(Object.assign(new Error('could not write the .eml file'), { code }));
    });
    return { messageId: info.messageId, path };
  };

  return {
    async send(tip) {
      const message = buildMessage(() => buildTipEmail(tip, messageOptions));
      const { messageId, path } = await deliver(message, outboxFileName(tip.reference));
      deps.logger.info({ reference: tip.reference, path }, 'mail: tip written to the development outbox');
      return { messageId };
    },
    async sendDigest(digest) {
      const message = buildMessage(() => buildDigestEmail(digest, messageOptions));
      const { messageId, path } = await deliver(message, digestFileName(digest.digestId, digest.createdAt));
      deps.logger.info({ tips: digest.tips.length, path }, 'mail: surge digest written to the development outbox');
      return { messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** A message the builder refuses (a malformed reference) will never be sendable: dead-letter it. */
function buildMessage(build: () => SendMailOptions): SendMailOptions {
  try {
    return build();
  } catch (error) {
    throw new PermanentDeliveryError(error instanceof Error ? error.message : 'message could not be built');
  }
}
