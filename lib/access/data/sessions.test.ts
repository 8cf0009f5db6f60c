import { describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { createTestViewer, TEST_SESSION_LIMITS } from '@/lib/db/testing/viewers';
import { createSession, endSession, loadViewer } from './sessions';
import { findDemoUser, findUserForOidc } from './sign-in';

const signIn = systemActor('sign-in');

const MINUTE = 60_000;

describe('server-side sessions', () => {
  it('expire after the idle time, and a request in time keeps them alive', async () => {
    const user = await db().user.create({ data: { name: 'Idle', email: 'idle@example.no', role: 'FHI_STAFF' } });
    const t0 = new Date('2026-01-10T08:00:00Z');
    const token = await createSession(signIn, user.id, t0, TEST_SESSION_LIMITS);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    expect(await loadViewer(signIn, token, at(29), TEST_SESSION_LIMITS, 'r')).not.toBeNull();
    expect(await loadViewer(signIn, token, at(58), TEST_SESSION_LIMITS, 'r')).not.toBeNull();
    expect(await loadViewer(signIn, token, at(89), TEST_SESSION_LIMITS, 'r')).toBeNull();
    expect(await db().session.count({ where: { sessionToken: token } })).toBe(0);
  });

  it('end after the maximum lifetime however active the person is', async () => {
    const user = await db().user.create({ data: { name: 'Busy', email: 'busy@example.no', role: 'FHI_STAFF' } });
    const t0 = new Date('2026-01-10T08:00:00Z');
    const token = await createSession(signIn, user.id, t0, TEST_SESSION_LIMITS);
    for (let minutes = 20; minutes < 600; minutes += 20) {
      expect(
        await loadViewer(signIn, token, new Date(t0.getTime() + minutes * MINUTE), TEST_SESSION_LIMITS, 'r'),
      ).not.toBeNull();
    }
    expect(await loadViewer(signIn, token, new Date(t0.getTime() + 600 * MINUTE), TEST_SESSION_LIMITS, 'r')).toBeNull();
  });

  it('end at once when the person is deactivated, and on sign-out', async () => {
    const viewer = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['0301']);
    await db().user.update({ where: { id: viewer.userId }, data: { active: false } });
    expect(await loadViewer(signIn, viewer.sessionId, new Date(), TEST_SESSION_LIMITS, 'r')).toBeNull();

    const other = await createTestViewer(db(), 'FHI_STAFF');
    expect(await endSession(signIn, other.sessionId)).toEqual({ userId: other.userId, role: 'FHI_STAFF' });
    expect(await loadViewer(signIn, other.sessionId, new Date(), TEST_SESSION_LIMITS, 'r')).toBeNull();
  });

  it('load the person, role and municipalities (in number order) of a live session', async () => {
    const contact = await createTestViewer(db(), 'MUNICIPAL_CONTACT', ['4601', '0301', '1103']);
    expect(await loadViewer(signIn, contact.sessionId, new Date(), TEST_SESSION_LIMITS, 'r2')).toEqual({
      userId: contact.userId,
      apiKeyId: null,
      name: 'MUNICIPAL_CONTACT 4601+0301+1103',
      role: 'MUNICIPAL_CONTACT',
      municipalityNumbers: ['0301', '1103', '4601'],
      sessionId: contact.sessionId,
      requestId: 'r2',
    });
    // FHI see every municipality: a membership row does not narrow them.
    const staff = await createTestViewer(db(), 'FHI_STAFF', ['0301']);
    expect(staff.municipalityNumbers).toEqual([]);
    expect(await loadViewer(signIn, 'no-such-session', new Date(), TEST_SESSION_LIMITS, 'r')).toBeNull();
  });

  it('record the sign-in time', async () => {
    const user = await db().user.create({ data: { name: 'New', email: 'new@example.no', role: 'FHI_STAFF' } });
    const now = new Date('2026-01-11T12:00:00Z');
    await createSession(signIn, user.id, now, TEST_SESSION_LIMITS);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(now);
  });
});

describe('who may sign in', () => {
  it('links a pre-registered e-mail to the provider subject once, then knows the subject', async () => {
    const user = await db().user.create({
      data: { name: 'Pre', email: 'pre@kommune.example.no', role: 'MUNICIPAL_CONTACT' },
    });
    expect(await findUserForOidc(signIn, { sub: 'subject-1', email: 'PRE@kommune.example.no' })).toEqual({
      id: user.id,
    });
    expect(await db().account.findMany({ where: { userId: user.id } })).toMatchObject([
      { provider: 'oidc', providerAccountId: 'subject-1' },
    ]);
    // Known by subject now, whatever e-mail the provider sends.
    expect(await findUserForOidc(signIn, { sub: 'subject-1', email: null })).toEqual({ id: user.id });
    // Another subject with the same e-mail does not take over the account.
    expect(await findUserForOidc(signIn, { sub: 'subject-2', email: 'pre@kommune.example.no' })).toBeNull();
  });

  it('refuses unknown and deactivated people, and demo users outside the demo sign-in', async () => {
    expect(await findUserForOidc(signIn, { sub: 'nobody', email: 'nobody@example.no' })).toBeNull();
    const inactive = await db().user.create({
      data: { name: 'Gone', email: 'gone@example.no', role: 'FHI_STAFF', active: false },
    });
    expect(await findUserForOidc(signIn, { sub: 'gone', email: inactive.email })).toBeNull();
    const demo = await db().user.create({
      data: { name: 'Demo', email: 'demo@example.no', role: 'FHI_ADMIN', demo: true },
    });
    expect(await findUserForOidc(signIn, { sub: 'demo', email: demo.email })).toBeNull();
    expect(await findDemoUser(signIn, demo.id)).toEqual({ id: demo.id, name: 'Demo' });
    expect(await findDemoUser(signIn, inactive.id)).toBeNull();
  });
});
