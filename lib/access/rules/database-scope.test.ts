import { describe, expect, it } from 'vitest';
import { systemActor, type Viewer } from './actor';
import { databaseScope, openingStatements } from './database-scope';

const viewer = (role: Viewer['role'], municipalityNumbers: string[]): Viewer => ({
  userId: 'u',
  apiKeyId: null,
  name: 'n',
  role,
  municipalityNumbers,
  sessionId: 's',
  requestId: 'r',
});

describe('databaseScope', () => {
  it.each([
    [
      'a contact of two municipalities',
      viewer('MUNICIPAL_CONTACT', ['4601', '0301']),
      'kpr_status_viewer',
      '0301,4601',
    ],
    ['a contact of none', viewer('MUNICIPAL_CONTACT', []), 'kpr_status_viewer', ''],
    ['FHI staff', viewer('FHI_STAFF', []), 'kpr_status_viewer', '*'],
    ['an FHI admin listed as a member somewhere', viewer('FHI_ADMIN', ['0301']), 'kpr_status_viewer', '*'],
    ['a system actor', systemActor('reminders'), 'kpr_status_system', '*'],
  ])('%s', (_, actor, role, municipalities) => {
    expect(databaseScope(actor)).toEqual({ role, municipalities });
  });

  it('refuses a scope that is not municipality numbers (it is inlined into SQL)', () => {
    expect(() => databaseScope(viewer('MUNICIPAL_CONTACT', ["0301'; RESET ROLE; --"]))).toThrow();
    expect(() => openingStatements({ role: 'kpr_status_viewer', municipalities: "x'" })).toThrow();
  });

  it('opens a transaction with the role and the scope, both local to it', () => {
    expect(openingStatements({ role: 'kpr_status_viewer', municipalities: '0301' })).toBe(
      "BEGIN; SET LOCAL ROLE kpr_status_viewer; SET LOCAL kpr_status.municipalities = '0301'",
    );
  });
});
