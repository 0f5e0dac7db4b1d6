import { randomBytes } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { outboxDirectory } from './eml-outbox.ts';
import { smtpPoolOptions } from './transport-options.ts';

/** Sends a staff member their one-time sign-in link. */
export interface SigninMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Sign-in links go the same way as tips: through SMTP_URL, or as `.eml`
 * files under DATA_DIR/mail-outbox/ (named `signin-<time>-<random>.eml`,
 * mode 0600) when it is not set. Plain text, fixed From, one recipient.
 */
export function createSigninMailer(
  mail: Config['mail'],
  deps: { dataDir: string; siteHost: string; logger: Logger },
): SigninMailer {
  const base = {
    from: mail.from,
    headers: { 'Auto-Submitted': 'auto-generated' },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (mail.smtpUrl) {
    const transport = nodemailer.createTransport({
      ...smtpPoolOptions(mail, { clientName: deps.siteHost }),
      maxConnections: 1,
    });
    return {
      async send(message) {
        await transport.sendMail({ ...base, ...message });
      },
      async close() {
        transport.close();
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(message) {
      const info = await transport.sendMail({ ...base, ...message });
      if (!Buffer.isBuffer(info.message)) throw new Error('stream transport returned no buffer');
      const directory = outboxDirectory(deps.dataDir);
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const name = `signin-${Date.now()}-${randomBytes(4).toString('hex')}.eml`;
      const temporary = join(directory, `${name}.tmp`);
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(info.message);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, join(directory, name));
      deps.logger.info({ path: join(directory, name) }, 'mail: sign-in link written to the development outbox');
    },
    async close() {
      transport.close();
    },
  };
}
