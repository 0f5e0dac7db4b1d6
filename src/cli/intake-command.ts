import { parseArgs } from 'node:util';
import type { Clock } from '../platform/clock.ts';
import { toIntakeTip } from '../api/intake/intake-tip.ts';
import { DEFAULT_CLAIM, MAX_CLAIM } from '../api/intake/schemas.ts';
import type { TipStore } from '../store/tip-store.ts';
import { parseReference } from '../store/reference.ts';
import { CHANNELS, type Channel } from '../store/accepted-tip.ts';

export const INTAKE_USAGE = `Usage: npm run intake -- <command>

  list [--limit N]                        undelivered intake tips (oldest first) and every dead letter
  claim [--limit N]                       lease up to N tips (default ${DEFAULT_CLAIM}) and print them as JSON
  ack <leaseId> <reference>...            mark leased tips as received
  release <leaseId> <reference>...        hand leased tips back at once
  retry-dead [--channel C] <reference>... put dead letters back in their queue (C: email or intake)
  retry-dead [--channel C] --all          ... every dead letter
  discard-dead [--channel C] <reference>... give up on dead letters for good (retention then purges them)

References may be typed loosely ("k7mx 4rdp"). Works on the configured store (DATABASE_URL or DATA_DIR).`;

/** Thrown for a command line the CLI cannot run; the message is shown with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface IntakeCliDeps {
  store: TipStore;
  /** False when INTAKE_TOKENS is unset: no consumer can claim, and new tips get no intake job. */
  intakeEnabled: boolean;
  clock: Clock;
  out: (line: string) => void;
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

function referencesFrom(args: string[]): string[] {
  if (args.length === 0) throw new UsageError('give at least one reference');
  return args.map((arg) => {
    const reference = parseReference(arg);
    if (!reference) throw new UsageError(`"${arg}" is not a tip reference`);
    return reference;
  });
}

function limitFrom(value: string | undefined): number {
  const limit = Number(value ?? DEFAULT_CLAIM);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CLAIM)
    throw new UsageError(`--limit must be 1–${MAX_CLAIM}`);
  return limit;
}

function channelFrom(value: string | undefined): Channel | undefined {
  if (value === undefined) return undefined;
  if (!(CHANNELS as readonly string[]).includes(value))
    throw new UsageError(`--channel must be ${CHANNELS.join(' or ')}`);
  return value as Channel;
}

/**
 * The operator's intake commands, on the store directly (no HTTP, no token:
 * whoever can run this can read the database anyway). Returns the exit code.
 */
export async function runIntakeCommand(
  argv: string[],
  { store, intakeEnabled, clock, out }: IntakeCliDeps,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      channel: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const now = clock();

  switch (values.help ? 'help' : command) {
    case 'list': {
      const queue = await store.listIntakeQueue(now, limitFrom(values.limit ?? String(MAX_CLAIM)));
      const health = await store.healthDetails(now);
      if (!intakeEnabled) {
        out('intake queue: disabled (INTAKE_TOKENS is not set): new tips are only emailed, none is queued for intake');
      }
      out(`intake queue: ${health.queueDepth.intake} undelivered (email outbox: ${health.queueDepth.email})`);
      if (health.tipsWithoutIntakeJob > 0) {
        out(
          `tips accepted without an intake job: ${health.tipsWithoutIntakeJob} (sent while the intake queue was disabled; emailed, never queued)`,
        );
      }
      for (const item of queue) {
        out(
          `  ${item.reference}  accepted ${iso(item.acceptedAt)}  leased until ${iso(item.leasedUntil)}  expired leases ${item.expiredLeases}`,
        );
      }
      const letters = await store.listDeadLetters();
      out(`dead letters: ${letters.length}`);
      for (const letter of letters) {
        out(
          `  ${letter.reference}  ${letter.channel.padEnd(6)}  accepted ${iso(letter.acceptedAt)}  dead since ${iso(letter.deadAt)}  attempts ${letter.attempts}  ${letter.lastError ?? ''}`,
        );
      }
      return 0;
    }
    case 'claim': {
      const lease = await store.claimIntake(now, limitFrom(values.limit));
      const body = {
        leaseId: lease.leaseId === '' ? null : lease.leaseId,
        expiresAt: iso(lease.expiresAt),
        tips: lease.tips.map(toIntakeTip),
      };
      out(JSON.stringify(body, null, 2));
      return 0;
    }
    case 'ack':
    case 'release': {
      const [leaseId, ...refs] = rest;
      if (!leaseId) throw new UsageError('give the lease id that claim printed');
      const references = referencesFrom(refs);
      const { done, rejected } =
        command === 'ack'
          ? await store.ackIntake(leaseId, references, now)
          : await store.releaseIntake(leaseId, references, now);
      out(`${command === 'ack' ? 'acknowledged' : 'released'}: ${done.join(' ') || '-'}`);
      if (rejected.length > 0) out(`not held by this lease: ${rejected.join(' ')}`);
      return rejected.length > 0 ? 2 : 0;
    }
    case 'retry-dead':
    case 'discard-dead': {
      const channel = channelFrom(values.channel);
      let refs: string[];
      if (values.all && command === 'retry-dead') {
        refs = (await store.listDeadLetters(channel)).map((letter) => letter.reference);
      } else {
        refs = referencesFrom(rest);
      }
      let changed: { reference: string; channel: Channel }[] = [];
      if (refs.length > 0) {
        changed =
          command === 'retry-dead'
            ? await store.retryDeadLetters(refs, now, channel)
            : await store.discardDeadLetters(refs, now, channel);
      }
      out(`${command === 'retry-dead' ? 'retried' : 'discarded'}: ${changed.length}`);
      for (const item of changed) out(`  ${item.reference}  ${item.channel}`);
      return 0;
    }
    case 'help':
      out(INTAKE_USAGE);
      return 0;
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'give a command');
  }
}
