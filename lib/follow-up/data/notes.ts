/**
 * A municipality's follow-up thread for a season: dated notes by FHI and by the municipality's own
 * contacts, and FHI's record that a resubmission was agreed (kind RESUBMISSION_AGREED), which the
 * status engine takes as clearing the municipality to resend. Scoped to the viewer (outside the
 * scope: like something that does not exist); every note written is audited (without its text).
 */
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/access/data/audit';
import { auditActor, canSeeMunicipality, isFhi, type Role, type Viewer } from '@/lib/access/rules/actor';
import { db } from '@/lib/db';
import { denied } from '../../access/data/denied';
import { findMunicipalitySeason } from '../../status/data/municipality-season';

export type NoteKind = 'NOTE' | 'RESUBMISSION_AGREED';

export interface NoteRow {
  id: string;
  kind: NoteKind;
  /** Plain text, shown as text. */
  body: string;
  createdAt: Date;
  /** Null for a note with no recorded author (e.g. imported). */
  authorName: string | null;
  authorRole: Role | null;
}

export interface MunicipalityNotesSummary {
  season: { key: string; name: string };
  /** Newest first. */
  notes: NoteRow[];
  /** FHI may record an agreed resubmission. */
  canAgreeResubmission: boolean;
}

export const NOTE_MAX_LENGTH = 2000;

export const noteInputSchema = z.object({
  kind: z.enum(['NOTE', 'RESUBMISSION_AGREED']).default('NOTE'),
  body: z
    .string()
    .trim()
    .min(1, 'Skriv et notat.')
    .max(NOTE_MAX_LENGTH, `Notatet kan ha høyst ${NOTE_MAX_LENGTH} tegn.`),
});
export type NoteInput = z.input<typeof noteInputSchema>;

export type NoteWriteResult = { ok: true; id: string } | { ok: false; field: 'body' | 'kind'; message: string };

/** The municipality's notes in the season (latest annual by default); null outside the scope or unknown. */
export async function listMunicipalityNotes(
  viewer: Viewer,
  number: string,
  query: { seasonKey?: string } = {},
): Promise<MunicipalityNotesSummary | null> {
  if (!canSeeMunicipality(viewer, number)) return denied(viewer, 'municipality.notes', number);
  const season = await findMunicipalitySeason(number, query.seasonKey);
  if (!season) return null;
  const notes = await db().note.findMany({
    where: { seasonId: season.id, municipalityNumber: number },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
  });
  return {
    season: { key: season.key, name: season.name },
    notes: notes.map(({ author, ...note }) => ({
      ...note,
      authorName: author?.name ?? null,
      authorRole: author?.role ?? null,
    })),
    canAgreeResubmission: isFhi(viewer),
  };
}

/**
 * Adds a note (FHI, or a contact of this municipality) or, FHI only, records an agreed
 * resubmission; null outside the scope or for an unknown municipality or season.
 */
export async function addNote(
  viewer: Viewer,
  number: string,
  input: NoteInput,
  query: { seasonKey?: string } = {},
  now = new Date(),
): Promise<NoteWriteResult | null> {
  if (!viewer.userId || !canSeeMunicipality(viewer, number)) return denied(viewer, 'note.create', number);
  const parsed = noteInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path[0] === 'kind' ? 'kind' : 'body', message: issue.message };
  }
  const { kind, body } = parsed.data;
  if (kind === 'RESUBMISSION_AGREED' && !isFhi(viewer)) return denied(viewer, 'note.resubmission_agreed', number);
  const season = await findMunicipalitySeason(number, query.seasonKey);
  if (!season) return null;
  const note = await db().$transaction(async (tx) => {
    const created = await tx.note.create({
      data: { seasonId: season.id, municipalityNumber: number, kind, body, authorId: viewer.userId, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'note.create',
      outcome: 'SUCCESS',
      actor: auditActor(viewer),
      municipalityNumber: number,
      requestId: viewer.requestId,
      details: { noteId: created.id, kind, season: season.key, length: body.length },
    });
    return created;
  });
  return { ok: true, id: note.id };
}
