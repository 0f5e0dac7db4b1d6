import type { CloseReason, TipStatus } from '../../../store/staff-store.ts';

export {
  AREA_LABELS,
  CATEGORY_LABELS,
  FOCUS_AREA_LABELS,
  LANGUAGE_NAMES,
  PERSONAL_DATA_LABELS,
  TIME_OF_DAY_LABELS,
  focusAreaLabel,
} from '../../../delivery/mail/labels.ts';

/** Statuses in Swedish, in their usual order. */
export const STATUS_LABELS: Readonly<Record<TipStatus, string>> = {
  new: 'Ny',
  triaged: 'Sorterad',
  'in-lagesbild': 'I lägesbilden',
  closed: 'Avslutad',
};

export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  handled: 'Hanterat',
  'not-relevant': 'Inte relevant',
  duplicate: 'Dubblett',
  'passed-to-police': 'Lämnat till polisen',
  other: 'Annat skäl',
};

/** What a form error's code means, per field (StaffInputError). */
export const INPUT_MESSAGES: Readonly<Record<string, string>> = {
  'status.required': 'Välj en status',
  'reason.required': 'Välj varför tipset avslutas',
  'summary.required': 'Skriv en sammanfattning för lägesbilden',
  'summary.tooLong': 'Sammanfattningen får vara högst 200 tecken',
  'summary.oneLine': 'Sammanfattningen ska vara en rad',
  'assignee.unknown': 'Välj en handläggare från listan',
  'note.required': 'Skriv en anteckning',
  'note.tooLong': 'Anteckningen får vara högst 4 000 tecken',
  'note.invalid': 'Anteckningen innehåller otillåtna tecken',
  'redact.nothingPicked': 'Välj vad som ska tas bort, eller skriv texten som ska bort',
  'redact.notFound': 'Texten som skulle tas bort finns inte i beskrivningen',
  'referens.unknown': 'Tipset finns inte',
  'email.required': 'Skriv en e-postadress',
  'email.invalid': 'Skriv e-postadressen som namn@exempel.se',
  'email.taken': 'Adressen finns redan på personallistan',
  'role.required': 'Välj en roll',
  'oidc.taken': 'Det OIDC-id:t hör redan till någon annan',
};
