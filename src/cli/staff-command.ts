import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import {
  STAFF_ROLES,
  StaffExistsError,
  type StaffMember,
  type StaffRole,
  type StaffStore,
} from '../store/staff-store.ts';

export const STAFF_USAGE = `Usage: npm run staff -- <command>

  add <email> --role <role> [--name "Namn"] [--oidc-id <id>]
                                 put someone on the staff list (role: reader, handler or admin)
  list                           everyone on the staff list
  role <email> <role>            change someone's role
  link <email> <oidc-id>         sign them in through OpenID Connect by this value of OIDC_STAFF_CLAIM
  unlink <email>                 ... no longer
  deactivate <email>             end their sessions and keep them out (the audit trail keeps their name)
  reactivate <email>             let them in again

Works on the configured store (DATABASE_URL or DATA_DIR). Every change goes into the audit trail as
made from the command line.`;

/** Thrown for a command line the CLI cannot run; the message is shown with the usage. */
export class StaffUsageError extends Error {
  override readonly name = 'StaffUsageError';
}

export interface StaffCliDeps {
  staff: StaffStore;
  clock: Clock;
  out: (line: string) => void;
}

/** Who the audit trail names for a change made here. */
export const COMMAND_LINE = { id: null, label: 'kommandorad' } as const;

const EMAIL = z.email();

function emailFrom(value: string | undefined): string {
  if (!value || !EMAIL.safeParse(value.trim()).success) throw new StaffUsageError('give an email address');
  return value.trim();
}

function roleFrom(value: string | undefined): StaffRole {
  if (!(STAFF_ROLES as readonly (string | undefined)[]).includes(value)) {
    throw new StaffUsageError(`the role must be one of ${STAFF_ROLES.join(', ')}`);
  }
  return value as StaffRole;
}

function line(member: StaffMember): string {
  const state = member.active ? 'active' : 'deactivated';
  const oidc = member.oidcSubject ? `oidc ${member.oidcSubject}` : 'email link';
  return `${member.email.padEnd(32)} ${member.role.padEnd(8)} ${state.padEnd(12)} ${oidc}${member.displayName ? `  (${member.displayName})` : ''}`;
}

/** The staff list commands, on the store directly. Returns the exit code (0 ok, 1 not found or taken). */
export async function runStaffCommand(argv: string[], { staff, clock, out }: StaffCliDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'oidc-id': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const now = clock();
  const find = async (email: string) => {
    const member = await staff.findStaffByEmail(email);
    if (!member) out(`${email} is not on the staff list`);
    return member;
  };
  const report = (member: StaffMember | undefined) => {
    if (member) out(line(member));
    return member ? 0 : 1;
  };

  try {
    switch (values.help ? 'help' : command) {
      case 'add': {
        const member = await staff.addStaff(
          {
            email: emailFrom(rest[0]),
            role: roleFrom(values.role),
            displayName: values.name?.trim() || null,
            oidcSubject: values['oidc-id']?.trim() || null,
          },
          COMMAND_LINE,
          now,
        );
        out(`added: ${line(member)}`);
        return 0;
      }
      case 'list': {
        const members = await staff.listStaff();
        if (members.length === 0) out('nobody is on the staff list yet: npm run staff -- add <email> --role admin');
        members.forEach((member) => out(line(member)));
        return 0;
      }
      case 'role': {
        const member = await find(emailFrom(rest[0]));
        return report(member && (await staff.changeRole(member.id, roleFrom(rest[1]), COMMAND_LINE, now)));
      }
      case 'link':
      case 'unlink': {
        const member = await find(emailFrom(rest[0]));
        const subject = command === 'link' ? rest[1]?.trim() : null;
        if (subject === undefined || subject === '') throw new StaffUsageError('give the OIDC id to link');
        return report(member && (await staff.setOidcSubject(member.id, subject, COMMAND_LINE, now)));
      }
      case 'deactivate':
      case 'reactivate': {
        const member = await find(emailFrom(rest[0]));
        if (!member) return 1;
        return report(
          command === 'deactivate'
            ? await staff.deactivateStaff(member.id, COMMAND_LINE, now)
            : await staff.reactivateStaff(member.id, COMMAND_LINE, now),
        );
      }
      case 'help':
        out(STAFF_USAGE);
        return 0;
      default:
        throw new StaffUsageError(command ? `unknown command "${command}"` : 'give a command');
    }
  } catch (error) {
    if (error instanceof StaffExistsError) {
      out(`not changed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
