/** A municipality's follow-up thread as the note form fills it in and the page shows it. Pure. */
import { z } from 'zod';
import type { Role } from '../../access/rules/actor';
import { NOTE_MESSAGES } from '../labels';

export type NoteKind = 'NOTE' | 'RESUBMISSION_AGREED';

export const NOTE_MAX_LENGTH = 2000;

export const noteInputSchema = z.object({
  kind: z.enum(['NOTE', 'RESUBMISSION_AGREED']).default('NOTE'),
  body: z.string().trim().min(1, NOTE_MESSAGES.empty).max(NOTE_MAX_LENGTH, NOTE_MESSAGES.tooLong(NOTE_MAX_LENGTH)),
});
export type NoteInput = z.input<typeof noteInputSchema>;

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

export type NoteWriteResult = { ok: true; id: string } | { ok: false; field: 'body' | 'kind'; message: string };
