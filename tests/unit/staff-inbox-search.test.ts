import { describe, expect, it } from 'vitest';
import { parseInboxQuery, searchTooShort } from '../../src/staff/inbox.ts';
import type { StaffMember } from '../../src/store/staff-store.ts';
import { inboxCountQuery, POSTGRES_INBOX, SQLITE_INBOX } from '../../src/store/staff/inbox-query.ts';
import { inboxPage } from '../../src/web/staff/pages/inbox-page.ts';

const ANNA: StaffMember = {
  id: 1,
  email: 'anna@huge.se',
  displayName: null,
  role: 'handler',
  oidcSubject: null,
  active: true,
  createdAt: 0,
  deactivatedAt: null,
};

const page = (sok: string) =>
  String(
    inboxPage({
      signedIn: { member: ANNA, sessionHash: 'h', csrfToken: 'c' },
      query: parseInboxQuery(new URLSearchParams({ sok })),
      rows: [],
      total: 0,
      totalCapped: false,
      pageCount: 1,
      assignees: [],
    }),
  );

/** The inbox's text search: from three characters in the text; shorter text looks for a reference only, and says so. */
describe('the inbox text search', () => {
  it('says when a search text is too short to look for in descriptions and places', () => {
    const tooShort = (sok: string) => searchTooShort(parseInboxQuery(new URLSearchParams({ sok })));
    expect(tooShort('ab')).toBe(true);
    expect(tooShort(' ö ')).toBe(true);
    expect(tooShort('rök')).toBe(false);
    expect(tooShort('k7mx 4rdp')).toBe(false);
    expect(page('ab')).toContain('skriv minst 3 tecken för att söka i texten');
    expect(page('rök')).not.toContain('skriv minst');
    expect(page('rök')).toContain('aria-describedby="sok-hint"');
  });

  it('passes the text as one parameter: an FTS5 phrase on SQLite, an escaped ILIKE pattern on PostgreSQL', () => {
    const sqlite = inboxCountQuery({ text: 'a "b" 100%_\\' }, SQLITE_INBOX);
    expect(sqlite.text).toContain('tip_search MATCH ?');
    expect(sqlite.params).toEqual(['A "B" 100%_\\', '"a ""b"" 100%_\\"', 10_001]);
    const postgres = inboxCountQuery({ text: 'a "b" 100%_\\' }, POSTGRES_INBOX);
    expect(postgres.text).toContain('ILIKE $2');
    expect(postgres.params).toEqual(['A "B" 100%_\\', '%a "b" 100\\%\\_\\\\%', 10_001]);
    // Too short: the reference only, no text condition.
    const short = inboxCountQuery({ text: 'ab' }, SQLITE_INBOX);
    expect(short.text).not.toContain('MATCH');
    expect(short.params).toEqual(['AB', 10_001]);
  });
});
