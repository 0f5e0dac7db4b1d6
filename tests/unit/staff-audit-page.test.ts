import { describe, expect, it } from 'vitest';
import { auditPage } from '../../src/web/staff/pages/admin-pages.ts';
import type { AuditEntry, StaffMember } from '../../src/store/staff-store.ts';

const ANNA: StaffMember = {
  id: 1,
  email: 'anna@huge.se',
  displayName: null,
  role: 'admin',
  oidcSubject: null,
  active: true,
  createdAt: 0,
  deactivatedAt: null,
};

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: Date.UTC(2026, 10, 30, 9, 0),
  actorId: 1,
  actor: 'anna@huge.se',
  action: 'view',
  tipReference: null,
  tipPurged: false,
  detail: null,
  ...fields,
});

/** The audit trail after the retention purge: the entry stays, its tip shows as "Gallrat" instead of a reference. */
describe('the audit trail page', () => {
  it('links a stored tip, says "Gallrat" for a purged one and leaves the cell empty when there was no tip', () => {
    const page = String(
      auditPage({
        signedIn: { member: ANNA, sessionHash: 'h', csrfToken: 'c' },
        query: { sida: 1 },
        entries: [
          entry({ id: 3, tipReference: 'K7MX-4RDP' }),
          entry({ id: 2, tipPurged: true }),
          entry({ id: 1, action: 'sign-in', detail: { method: 'email-link' } }),
        ],
        total: 3,
        pageCount: 1,
        members: [ANNA],
      }),
    );
    const cells = [...page.matchAll(/<tr>\s*<td>[\s\S]*?<\/tr>/g)].map((row) =>
      [...row[0].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]?.replace(/\s+/g, ' ').trim()),
    );
    expect(cells.map((row) => row[3])).toEqual(['<a href="/personal/tips/K7MX-4RDP">K7MX-4RDP</a>', 'Gallrat', '']);
    expect(page).toContain('När ett tips gallras tas dess referens bort även här.');
  });
});
