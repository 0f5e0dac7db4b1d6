import type { Audit, StaffMember as LagesbildMember } from '../../lagesbild/index.ts';
import { prepareText } from '../../schemas/text.ts';
import { actorOf, type SignedIn } from '../../staff/actor.ts';
import type { StaffWebDeps } from './staff-deps.ts';

/**
 * Where the staff side and the lägesbild meet: the signed-in member as the
 * lägesbild's use cases take them, their audit writer (the staff audit
 * trail, who = the signed-in member), and the inbox's hand-over of a tip.
 */

export interface LagesbildActor {
  member: LagesbildMember;
  audit: Audit;
}

/** The signed-in member and an audit writer that appends to the staff audit trail in their name. */
export function lagesbildActor(deps: Pick<StaffWebDeps, 'staff' | 'clock'>, signedIn: SignedIn): LagesbildActor {
  const { member } = signedIn;
  return {
    member: { id: String(member.id), email: member.email, role: member.role },
    audit: (entry) =>
      deps.staff.appendAudit({
        at: deps.clock(),
        // Who comes from the session, never from what the use case wrote.
        actor: actorOf(member),
        action: entry.action,
        tipReference: entry.reference ?? null,
        detail: entry.week ? { week: entry.week } : entry.period ? { period: entry.period } : null,
      }),
  };
}

/**
 * A tip the inbox moved to "i lägesbilden" becomes (or stays) the week's tip
 * entry with the handler's summary; partners see that summary, never the
 * tip's text. Moving it there again with another summary updates the
 * entry's summary. A later status change (sorted, closed after the meeting)
 * leaves the entry where it is: the week's picture records what the group
 * met on; a handler removes an entry on the lägesbild page if it should go.
 */
export async function putTipInLagesbild(
  deps: Pick<StaffWebDeps, 'staff' | 'clock' | 'lagesbild'>,
  signedIn: SignedIn,
  reference: string,
  summary: string,
): Promise<void> {
  const { member, audit } = lagesbildActor(deps, signedIn);
  const { entry, created } = await deps.lagesbild.addTipEntry(member, audit, { tipReference: reference, summary });
  const wanted = prepareText(summary);
  if (!created && entry.summary !== wanted)
    await deps.lagesbild.editEntry(member, audit, entry.id, { summary: wanted });
}
