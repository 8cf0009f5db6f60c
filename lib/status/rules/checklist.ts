/**
 * The readiness checklist, ticked from events rather than clicks. Content checks look at the
 * latest production delivery, or at the latest test delivery while nothing has gone to production
 * (so testing in autumn already shows what to fix).
 */
import { formatDate, formatList, formatNumber } from '../../core/format';
import {
  checkServiceVolumeChanges,
  checkWelfareTechnology,
  type ServiceCodeReference,
} from '../../ingest/rules/checks';
import type { IplosContentSummary } from '../../core/content-summary';
import type { Delivery } from './deliveries';
import { hasPeriodProblem, isPositive, municipalityNumberStatus, type Facts } from './facts';
import { countOf, describeApprec, describePeriod, describeSeasonPeriod } from './texts';
import type { ChecklistItem, ChecklistKey, ChecklistStatus, MessageInput } from './types';

type Tick = Omit<ChecklistItem, 'key' | 'label'>;

function tick(status: ChecklistStatus, detail?: string): Tick {
  return detail === undefined ? { status } : { status, detail };
}

const NOT_NEEDED = 'Ikke nødvendig: fagmeldingen er godtatt i produksjon';

/** What the content checks look at. */
interface Subject {
  ipl: MessageInput | null;
  summary: IplosContentSummary | null;
  /** ' (testinnsending)' when the subject is a test delivery, else ''. */
  fromTest: string;
  /** The detail to show when the KPR_IPL or its content is not there. */
  missing: string;
}

function subjectOf(delivery: Delivery | null, fromTest: boolean): Subject {
  const suffix = fromTest ? ' (testinnsending)' : '';
  const ipl = delivery?.ipl ?? null;
  return {
    ipl,
    summary: ipl?.contentSummary?.kind === 'KPR_IPL' ? ipl.contentSummary : null,
    fromTest: suffix,
    missing: !delivery
      ? 'Ingen fagmelding sendt ennå'
      : !ipl
        ? `Siste leveranse mangler fagmelding${suffix}`
        : `Innholdet i fagmeldingen er ikke lest${suffix}`,
  };
}

function testSent(facts: Facts, productionAccepted: boolean): Tick {
  const latestTest = facts.validation.at(-1);
  if (latestTest) return tick('DONE', `Sist sendt ${formatDate(latestTest.sentAt)}`);
  return productionAccepted ? tick('NOT_APPLICABLE', NOT_NEEDED) : tick('NOT_DONE', 'Ingen testinnsending ennå');
}

function testAccepted(facts: Facts, productionAccepted: boolean): Tick {
  const answered = facts.latestAnsweredTestIpl;
  const apprec = answered ? facts.apprecOf(answered) : null;
  if (apprec) return tick(isPositive(apprec) ? 'DONE' : 'NOT_DONE', describeApprec(apprec));
  if (facts.latestTestIpl) return tick('NOT_DONE', 'Venter på Apprec for testen');
  return productionAccepted ? tick('NOT_APPLICABLE', NOT_NEEDED) : tick('NOT_DONE', 'Ingen fagmelding testet ennå');
}

function productionIplAccepted(facts: Facts): Tick {
  const { latest } = facts;
  if (!latest) return tick('NOT_DONE', 'Ingen fagmelding sendt i produksjon');
  if (!latest.ipl) return tick('NOT_DONE', 'Siste leveranse mangler fagmelding');
  const apprec = facts.apprecOf(latest.ipl);
  if (!apprec) return tick('NOT_DONE', `Sendt ${formatDate(latest.ipl.receivedAt)}, venter på Apprec`);
  const status = { OK: 'DONE', OK_WITH_ERRORS: 'WARNING', REJECTED: 'NOT_DONE' } as const;
  return tick(status[apprec.status], describeApprec(apprec));
}

function ideSent(facts: Facts): Tick {
  const { latest } = facts;
  if (!latest) return tick('NOT_DONE', 'Ingen identmelding sendt i produksjon');
  if (!latest.ide) return tick('NOT_DONE', 'Siste leveranse mangler identmelding');
  const apprec = facts.apprecOf(latest.ide);
  if (apprec?.status === 'REJECTED') return tick('NOT_DONE', describeApprec(apprec));
  return tick('DONE', `Mottatt ${formatDate(latest.ide.receivedAt)}`);
}

function noOpenErrors(facts: Facts, delivery: Delivery | null, { fromTest }: Subject): Tick {
  if (!delivery) return tick('NOT_DONE', 'Ingenting sendt ennå');
  const findings = facts.openFindingsFor(delivery);
  const errors = findings.filter((finding) => finding.severity === 'ERROR').length;
  if (errors > 0) return tick('NOT_DONE', countOf(errors, 'åpen feil', 'åpne feil') + fromTest);
  const warnings = findings.filter((finding) => finding.severity === 'WARNING').length;
  if (warnings > 0) return tick('WARNING', countOf(warnings, 'åpen advarsel', 'åpne advarsler') + fromTest);
  return tick('DONE');
}

function municipalityNumberValid({ ipl, fromTest, missing }: Subject): Tick {
  if (!ipl) return tick('NOT_DONE', missing);
  const asSent = ipl.municipalityNumberAsSent?.trim();
  switch (municipalityNumberStatus(ipl)) {
    case 'NOT_READ':
      return tick('NOT_DONE', `Kommunenummeret er ikke lest${fromTest}`);
    case 'UNKNOWN':
      return tick('NOT_DONE', `Ukjent kommunenummer ${asSent}${fromTest}`);
    case 'RENUMBERED':
      return tick('NOT_DONE', `${asSent} er et gammelt nummer; gyldig er ${ipl.municipalityNumber}${fromTest}`);
    case 'VALID':
      return tick('DONE', `${asSent}${fromTest}`);
  }
}

function wholePeriod(facts: Facts, { ipl, fromTest, missing }: Subject): Tick {
  const { season } = facts.input;
  if (!ipl) return tick('NOT_DONE', missing);
  if (ipl.periodFrom === null || ipl.periodTo === null) return tick('NOT_DONE', `Perioden er ikke lest${fromTest}`);
  if (!hasPeriodProblem(ipl, season)) return tick('DONE');
  return tick(
    'NOT_DONE',
    `Fagmeldingen dekker ${describePeriod(ipl.periodFrom, ipl.periodTo)}, ikke ${describeSeasonPeriod(season)}${fromTest}`,
  );
}

function organisationNumbersValid({ summary, fromTest, missing }: Subject): Tick {
  if (!summary) return tick('NOT_DONE', missing);
  const { checked, invalid } = summary.organisationNumbers;
  if (invalid > 0)
    return tick('NOT_DONE', `${formatNumber(invalid)} av ${formatNumber(checked)} er ugyldige${fromTest}`);
  return tick('DONE', `${formatNumber(checked)} kontrollert${fromTest}`);
}

/** Codes that may no longer be reported for the data year (12, 13 and 16 for 2025 data). */
function expiredCodes(serviceCodes: readonly ServiceCodeReference[], dataYear: number): string[] {
  return serviceCodes
    .filter((reference) => reference.validToYear !== null && reference.validToYear < dataYear)
    .map((reference) => String(reference.code));
}

function noExpiredServiceCodes(expired: readonly string[], { summary, fromTest, missing }: Subject): Tick {
  if (!summary) return tick('NOT_DONE', missing);
  const inUse = expired.filter((code) => (summary.servicesByCode[code] ?? 0) > 0);
  return inUse.length > 0 ? tick('NOT_DONE', `I bruk: kode ${formatList(inUse)}${fromTest}`) : tick('DONE');
}

function welfareTechnology(facts: Facts, welfareCodes: readonly string[], dataYear: number, subject: Subject): Tick {
  const { summary, fromTest, missing } = subject;
  if (!summary) return tick('NOT_DONE', missing);
  const { serviceCodes, previousSeason } = facts.input;
  const [problem] = checkWelfareTechnology(
    summary.servicesByCode,
    previousSeason?.servicesByCode ?? null,
    serviceCodes,
    dataYear,
    facts.rules.welfareTechnology,
  );
  if (problem?.code === 'WELFARE_TECHNOLOGY_MISSING')
    return tick('WARNING', `Ingen tjenester med disse kodene${fromTest}`);
  if (problem) return tick('WARNING', problem.message + fromTest);
  const services = welfareCodes.reduce((sum, code) => sum + (summary.servicesByCode[code] ?? 0), 0);
  return tick('DONE', countOf(services, 'tjeneste', 'tjenester') + fromTest);
}

function volumesPlausible(facts: Facts, dataYear: number, { summary, fromTest, missing }: Subject): Tick {
  const { serviceCodes, previousSeason } = facts.input;
  if (!previousSeason) return tick('NOT_APPLICABLE', 'Ingen godtatt leveranse fra i fjor å sammenligne med');
  if (!summary) return tick('NOT_DONE', missing);
  const changes = checkServiceVolumeChanges(
    summary.servicesByCode,
    previousSeason.servicesByCode,
    serviceCodes,
    dataYear,
    facts.rules.serviceVolume,
  ).map(
    ({ evidence }) =>
      `kode ${evidence?.serviceCode}: ${formatNumber(Number(evidence?.previous))} → ${formatNumber(Number(evidence?.current))}`,
  );
  return changes.length > 0 ? tick('WARNING', `Store endringer: ${changes.join('; ')}${fromTest}`) : tick('DONE');
}

export function deriveChecklist(facts: Facts): ChecklistItem[] {
  const { season, serviceCodes } = facts.input;
  const dataYear = Number(season.periodStart.slice(0, 4));
  const expired = expiredCodes(serviceCodes, dataYear);
  const welfareCodes = serviceCodes
    .filter((reference) => reference.welfareTechnology)
    .map((reference) => String(reference.code));
  const productionAccepted = isPositive(facts.latest?.ipl ? facts.apprecOf(facts.latest.ipl) : null);
  const delivery = facts.latest ?? facts.validation.at(-1) ?? null;
  const subject = subjectOf(delivery, !facts.latest && delivery !== null);

  const items: [ChecklistKey, string, Tick][] = [
    ['TEST_SENT', 'Test sendt til KPR Validering', testSent(facts, productionAccepted)],
    ['TEST_ACCEPTED', 'Test godtatt (positiv Apprec)', testAccepted(facts, productionAccepted)],
    ['PRODUCTION_IPL_ACCEPTED', 'Fagmelding (KPR_IPL) godtatt i produksjon', productionIplAccepted(facts)],
    ['IDE_SENT', 'Identmelding (KPR_IDE) sendt', ideSent(facts)],
    ['NO_OPEN_ERRORS', 'Ingen åpne feil', noOpenErrors(facts, delivery, subject)],
    [
      'MUNICIPALITY_NUMBER_VALID',
      `Kommunenummer gyldig for ${season.periodEnd.slice(0, 4)}`,
      municipalityNumberValid(subject),
    ],
    [
      'WHOLE_PERIOD',
      season.kind === 'ANNUAL' ? 'Hele året er med' : 'Hele perioden er med',
      wholePeriod(facts, subject),
    ],
    ['ORGANISATION_NUMBERS_VALID', 'Organisasjonsnumre gyldige', organisationNumbersValid(subject)],
    [
      'NO_EXPIRED_SERVICE_CODES',
      `Ingen utgåtte tjenestekoder (${expired.join(', ')})`,
      noExpiredServiceCodes(expired, subject),
    ],
    [
      'WELFARE_TECHNOLOGY',
      `Velferdsteknologi registrert (${welfareCodes.join(', ')})`,
      welfareTechnology(facts, welfareCodes, dataYear, subject),
    ],
    ['VOLUMES_PLAUSIBLE', 'Omfang per tjeneste rimelig mot i fjor', volumesPlausible(facts, dataYear, subject)],
  ];
  return items.map(([key, label, result]) => ({ key, label, ...result }));
}
