/**
 * Norwegian (bokmål) text in the demo rows: Apprec free texts, notes and extension requests.
 * Numbers and dates are formatted by lib/core/format.
 */
import { formatIsoDate, formatNumber } from '@/lib/core/format';
import { isoOfDay, type Day } from './oslo-time';
import type { Random } from './random';

const formatDay = (value: Day) => formatIsoDate(isoOfDay(value));

/** "1 testperson", "3 testpersoner". */
export function counted(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** OT free texts an Apprec may carry with each 8221 error code. */
const APPREC_FREE_TEXTS: Readonly<Record<string, readonly ((year: number) => string)[]>> = {
  T01: [() => 'Filen har ugyldig tegnsett (forventet UTF-8).', () => 'Content i hodemeldingen er tomt.'],
  T02: [
    () => "Elementet 'tjInstOrgnr' mangler i TJENESTE.",
    () => "Ugyldig dato '20251301' i tjVedtaksdato.",
    () => "Elementet 'iiSysVersjon' er lengre enn 20 tegn.",
    () => "Uventet element 'FUNKSJON' i PERSON.",
  ],
  T10: [(year) => `Fagmeldingen er i et IPLOS-format som ikke tas imot for ${year}-data.`],
  T99: [() => 'Feil navnerom for fagmeldingen.'],
  E10: [() => 'MsgId er allerede brukt i en tidligere melding.'],
  S02: [() => 'Virksomhetssertifikatet er utløpt.'],
  X99: [() => 'Perioden mangler i INNHINFO.', () => 'Intern feil ved mottak. Send meldingen på nytt.'],
  E30: [() => 'Fødselsnummer mangler for noen personer i identmeldingen.'],
  E31: [() => 'Noen personer i identmeldingen har ugyldig fødselsnummer.'],
  E53: [() => 'Noen fødselsnumre i identmeldingen finnes ikke i Folkeregisteret.'],
};

/** An OT free text for the error, or null when the Apprec gives none. */
export function apprecFreeText(random: Random, code: string, year: number, always = false): string | null {
  const texts = APPREC_FREE_TEXTS[code];
  if (!texts || !(always || random.chance(0.5))) return null;
  return random.pick(texts)(year);
}

export type ExtensionReason = 'SYSTEM_CHANGE' | 'TECHNICAL_PROBLEMS' | 'STAFF_SHORTAGE' | 'DATA_QUALITY';

export function extensionTexts(
  reason: ExtensionReason,
  context: { year: number; system: string },
): { justification: string; plannedFix: string } {
  switch (reason) {
    case 'SYSTEM_CHANGE':
      return {
        justification: `Kommunen byttet fagsystem til ${context.system} i høst, og uttrekket for hele ${context.year} er ikke ferdig testet.`,
        plannedFix: 'Leverandøren leverer rettet uttrekk. Vi tester mot KPR Validering før vi sender i produksjon.',
      };
    case 'TECHNICAL_PROBLEMS':
      return {
        justification: `Uttrekket fra ${context.system} stopper med feil, og saken ligger hos leverandøren.`,
        plannedFix: 'Ny versjon installeres, og uttrekket kjøres på nytt for hele året.',
      };
    case 'STAFF_SHORTAGE':
      return {
        justification: 'Den som har ansvaret for rapporteringen er sykmeldt, og ingen andre har tilgang til uttrekket.',
        plannedFix: 'En vikar får tilgang og opplæring de nærmeste ukene.',
      };
    case 'DATA_QUALITY':
      return {
        justification: 'Kontrollene før innsending viser feil i tjenestekodene som må rettes i fagsystemet først.',
        plannedFix: `Vi retter kodingen av tjenestene og sender hele ${context.year} samlet.`,
      };
  }
}

export const NOTE_TEXTS = {
  epjChanged: (from: string, to: string) =>
    `Kommunen har byttet fagsystem fra ${from} til ${to} og tester mot KPR Validering.`,
  reminder: (year: number) => `Purring sendt på e-post: ingen leveranse er registrert for ${year}.`,
  secondReminder: () => 'Ringt kommunen uten å nå fram. Ny purring sendt på e-post.',
  rejectedNotResent: (code: string) => `Kommunen er kontaktet om avvist leveranse (${code}). Venter på ny innsending.`,
  identityMissing: (runNumber: string) =>
    `Identmeldingen (KPR_IDE) for løpenummer ${runNumber} mangler. Kommunen er bedt om å sende den.`,
  apprecMissing: () => 'Apprec for fagmeldingen er ikke kommet. Saken er meldt til FHIs mottak.',
  resentBeforeApprec: () =>
    'Kommunen sendte på nytt før Apprec var kommet. Bedt om å vente på Apprec før ny innsending.',
  resubmissionAgreed: (year: number, reasons: string) =>
    `Avtalt med kommunen at hele ${year} sendes på nytt (${reasons}).`,
  unknownNumber: (sent: string) =>
    `Leveransen hadde ukjent kommunenummer «${sent}». Kommunen sender på nytt med riktig nummer.`,
  extensionGranted: (deadline: Day) => `Innvilget. Ny frist ${formatDay(deadline)}.`,
  extensionDenied: () => 'Avslått. Begrunnelsen gir ikke grunnlag for utsatt frist. Send så snart som mulig.',
} as const;

/** The OT of the rejections in an EPJ vendor's wave: the same fault in every customer's extract. */
export const EPJ_WAVE_FREE_TEXT = (system: string, version: string) =>
  `Uventet element 'tjTjenesteVariant' i TJENESTE (uttrekk fra ${system} ${version}).`;
