/**
 * A municipality's follow-up thread for a season: dated notes by FHI and by the municipality's own
 * contacts, and FHI's record that a resubmission was agreed (kind RESUBMISSION_AGREED), which the
 * status engine takes as clearing the municipality to resend. Scoped to the viewer (outside the
 * scope: like something that does not exist); every note written is audited (without its text).
 * A note's text is masked for national identity numbers before it is stored (its write boundary).
 */
import 'server-only';
import { auditActor, canSeeMunicipality, denied, isFhi, recordAudit, type Viewer } from '@/lib/access';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { db } from '@/lib/db';
import { findMunicipalitySeason } from '@/lib/status';
import {
  noteInputSchema,
  type MunicipalityNotesSummary,
  type NoteInput,
  type NoteWriteResult,
} from '@/lib/follow-up/rules/notes';

/** The municipality's notes in the season (latest annual by default); null outside the scope or unknown. */
export async function listMunicipalityNotes(
  viewer: Viewer,
  number: string,
  query: { seasonKey?: string } = {},
): Promise<MunicipalityNotesSummary | null> {
  if (!canSeeMunicipality(viewer, number)) return denied(viewer, 'municipality.notes', number);
  const season = await findMunicipalitySeason(viewer, number, query.seasonKey);
  if (!season) return null;
  const notes = await db(viewer).note.findMany({
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
  const kind = parsed.data.kind;
  const body = maskIdentityNumbers(parsed.data.body);
  if (kind === 'RESUBMISSION_AGREED' && !isFhi(viewer)) return denied(viewer, 'note.resubmission_agreed', number);
  const season = await findMunicipalitySeason(viewer, number, query.seasonKey);
  if (!season) return null;
  const note = await db(viewer).$transaction(async (tx) => {
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
