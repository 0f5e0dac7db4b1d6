import type { z } from 'zod';
import type { AcceptedTip } from '../../store/accepted-tip.ts';
import type { intakeTipSchema } from './schemas.ts';

export type IntakeTip = z.output<typeof intakeTipSchema>;

/** A stored tip as the intake API hands it out: flat, every field present (null when not given). */
export function toIntakeTip({ reference, acceptedAt, language, tip, flags }: AcceptedTip): IntakeTip {
  return {
    reference,
    acceptedAt: new Date(acceptedAt).toISOString(),
    language,
    category: tip.category,
    area: tip.area,
    place: tip.place ?? null,
    when: tip.when ?? null,
    whenDate: tip.whenDate ?? null,
    whenTime: tip.whenTime ?? null,
    description: tip.description,
    contactWanted: tip.contactWanted === true,
    contactEmail: tip.contactEmail ?? null,
    contactPhone: tip.contactPhone ?? null,
    flags: {
      personalData: [...flags.personalData],
      happeningNow: flags.happeningNow,
      contactWanted: flags.contactWanted,
    },
  };
}
