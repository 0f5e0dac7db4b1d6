import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AcceptedTip } from '../../store/accepted-tip.ts';
import { classifySendError, partialRejection } from './classify.ts';
import { PermanentDeliveryError, TemporaryDeliveryError } from './errors.ts';
import { writeEml } from './eml-outbox.ts';
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

  return {
    async send(tip) {
      const message = buildMessage(tip, messageOptions);
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
    },
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

  return {
    async send(tip) {
      const message = buildMessage(tip, messageOptions);
      let info;
      try {
        info = await transport.sendMail(message);
      } catch (error) {
        throw classifySendError(error);
      }
      if (!Buffer.isBuffer(info.message)) throw new TemporaryDeliveryError('stream transport returned no buffer');
      // A full disk or a permission problem is worth retrying once fixed.
      const path = await writeEml(deps.dataDir, tip.reference, info.message).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        throw classifySendError(Object.assign(new Error('could not write the .eml file'), { code }));
      });
      deps.logger.info({ reference: tip.reference, path }, 'mail: tip written to the development outbox');
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** A tip the builder refuses (a malformed reference) will never be sendable: dead-letter it. */
function buildMessage(tip: AcceptedTip, options: TipEmailOptions) {
  try {
    return buildTipEmail(tip, options);
  } catch (error) {
    throw new PermanentDeliveryError(error instanceof Error ? error.message : 'message could not be built');
  }
}
