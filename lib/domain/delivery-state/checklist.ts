/**
 * The readiness checklist, ticked from events rather than clicks. Content checks look at the
 * latest production delivery, or at the latest test delivery while nothing has gone to production
 * (so testing in autumn already shows what to fix).
 */
import { formatDate, formatList, formatNumber } from '../../format';
import type { IplosContentSummary } from '../content-summary';
import { hasPeriodProblem, isPositive, type Facts } from './facts';
import { countOf, describeApprec, describePeriod, describeSeasonPeriod } from './texts';
import type { ChecklistItem, ChecklistKey, ChecklistStatus, MessageInput } from './types';

function item(key: ChecklistKey, label: string, status: ChecklistStatus, detail?: string): ChecklistItem {
  return detail === undefined ? { key, label, status } : { key, label, status, detail };
}

function servicesOf(summary: IplosContentSummary, codes: readonly string[]): number {
  return codes.reduce((sum, code) => sum + (summary.servicesByCode[code] ?? 0), 0);
}

/** Service codes whose count changed implausibly since last season: 'kode 6: 120 → 310'. */
function implausibleVolumes(
  current: Readonly<Record<string, number>>,
  previous: Readonly<Record<string, number>>,
  { maxChangeFactor, minimumCount }: Facts['rules']['volumePlausibility'],
): string[] {
  const codes = [...new Set([...Object.keys(previous), ...Object.keys(current)])].sort((a, b) => Number(a) - Number(b));
  return codes.flatMap((code) => {
    const before = previous[code] ?? 0;
    const now = current[code] ?? 0;
    if (Math.max(before, now) < minimumCount) return [];
    const plausible = before > 0 && now > 0 && now <= before * maxChangeFactor && before <= now * maxChangeFactor;
    return plausible ? [] : [`kode ${code}: ${formatNumber(before)} → ${formatNumber(now)}`];
  });
}

export function deriveChecklist(facts: Facts): ChecklistItem[] {
  const { input, latest } = facts;
  const { season, serviceCodes } = input;
  const productionIplAccepted = isPositive(latest?.ipl ? facts.apprecOf(latest.ipl) : null);

  // Test traffic
  const latestTest = facts.validation.at(-1);
  const testSent = latestTest
    ? item('TEST_SENT', 'Test sendt til KPR Validering', 'DONE', `Sist sendt ${formatDate(latestTest.sentAt)}`)
    : productionIplAccepted
      ? item('TEST_SENT', 'Test sendt til KPR Validering', 'NOT_APPLICABLE', 'Ikke nødvendig: fagmeldingen er godtatt i produksjon')
      : item('TEST_SENT', 'Test sendt til KPR Validering', 'NOT_DONE', 'Ingen testinnsending ennå');

  const answeredTest = facts.latestAnsweredTestIpl;
  const testApprec = answeredTest ? facts.apprecOf(answeredTest) : null;
  const testAccepted = testApprec
    ? item('TEST_ACCEPTED', 'Test godtatt (positiv Apprec)', isPositive(testApprec) ? 'DONE' : 'NOT_DONE', describeApprec(testApprec))
    : facts.latestTestIpl
      ? item('TEST_ACCEPTED', 'Test godtatt (positiv Apprec)', 'NOT_DONE', 'Venter på Apprec for testen')
      : productionIplAccepted
        ? item('TEST_ACCEPTED', 'Test godtatt (positiv Apprec)', 'NOT_APPLICABLE', 'Ikke nødvendig: fagmeldingen er godtatt i produksjon')
        : item('TEST_ACCEPTED', 'Test godtatt (positiv Apprec)', 'NOT_DONE', 'Ingen fagmelding testet ennå');

  // Production
  const iplLabel = 'Fagmelding (KPR_IPL) godtatt i produksjon';
  const iplApprec = latest?.ipl ? facts.apprecOf(latest.ipl) : null;
  const productionIpl = !latest?.ipl
    ? item('PRODUCTION_IPL_ACCEPTED', iplLabel, 'NOT_DONE', latest ? 'Siste leveranse mangler fagmelding' : 'Ingen fagmelding sendt i produksjon')
    : !iplApprec
      ? item('PRODUCTION_IPL_ACCEPTED', iplLabel, 'NOT_DONE', `Sendt ${formatDate(latest.ipl.receivedAt)}, venter på Apprec`)
      : item(
          'PRODUCTION_IPL_ACCEPTED',
          iplLabel,
          iplApprec.status === 'OK' ? 'DONE' : iplApprec.status === 'OK_WITH_ERRORS' ? 'WARNING' : 'NOT_DONE',
          describeApprec(iplApprec),
        );

  const ideLabel = 'Identmelding (KPR_IDE) sendt';
  const ideApprec = latest?.ide ? facts.apprecOf(latest.ide) : null;
  const ideSent = !latest?.ide
    ? item('IDE_SENT', ideLabel, 'NOT_DONE', latest ? 'Siste leveranse mangler identmelding' : 'Ingen identmelding sendt i produksjon')
    : ideApprec?.status === 'REJECTED'
      ? item('IDE_SENT', ideLabel, 'NOT_DONE', describeApprec(ideApprec))
      : item('IDE_SENT', ideLabel, 'DONE', `Mottatt ${formatDate(latest.ide.receivedAt)}`);

  // Content of the latest delivery (production, else test)
  const subject = latest ?? latestTest ?? null;
  const fromTest = !latest && subject !== null ? ' (testinnsending)' : '';
  const findings = subject ? facts.openFindingsFor(subject) : [];
  const errors = findings.filter((finding) => finding.severity === 'ERROR').length;
  const warnings = findings.filter((finding) => finding.severity === 'WARNING').length;
  const noOpenErrors = !subject
    ? item('NO_OPEN_ERRORS', 'Ingen åpne feil', 'NOT_DONE', 'Ingenting sendt ennå')
    : errors > 0
      ? item('NO_OPEN_ERRORS', 'Ingen åpne feil', 'NOT_DONE', countOf(errors, 'åpen feil', 'åpne feil') + fromTest)
      : warnings > 0
        ? item('NO_OPEN_ERRORS', 'Ingen åpne feil', 'WARNING', countOf(warnings, 'åpen advarsel', 'åpne advarsler') + fromTest)
        : item('NO_OPEN_ERRORS', 'Ingen åpne feil', 'DONE');

  const ipl: MessageInput | null = subject?.ipl ?? null;
  const noIpl = subject ? `Siste leveranse mangler fagmelding${fromTest}` : 'Ingen fagmelding sendt ennå';
  const summary = ipl?.contentSummary?.kind === 'KPR_IPL' ? ipl.contentSummary : null;
  const notRead = `Innholdet i fagmeldingen er ikke lest${fromTest}`;

  const numberLabel = `Kommunenummer gyldig for ${season.periodEnd.slice(0, 4)}`;
  const asSent = ipl?.municipalityNumberAsSent ?? null;
  const municipalityNumber = !ipl
    ? item('MUNICIPALITY_NUMBER_VALID', numberLabel, 'NOT_DONE', noIpl)
    : asSent === null
      ? item('MUNICIPALITY_NUMBER_VALID', numberLabel, 'NOT_DONE', `Kommunenummeret er ikke lest${fromTest}`)
      : ipl.municipalityNumber === null
        ? item('MUNICIPALITY_NUMBER_VALID', numberLabel, 'NOT_DONE', `Ukjent kommunenummer ${asSent}${fromTest}`)
        : asSent !== ipl.municipalityNumber
          ? item('MUNICIPALITY_NUMBER_VALID', numberLabel, 'NOT_DONE', `${asSent} er et gammelt nummer; gyldig er ${ipl.municipalityNumber}${fromTest}`)
          : item('MUNICIPALITY_NUMBER_VALID', numberLabel, 'DONE', asSent + fromTest);

  const periodLabel = season.kind === 'ANNUAL' ? 'Hele året er med' : 'Hele perioden er med';
  const wholePeriod = !ipl
    ? item('WHOLE_PERIOD', periodLabel, 'NOT_DONE', noIpl)
    : ipl.periodFrom === null || ipl.periodTo === null
      ? item('WHOLE_PERIOD', periodLabel, 'NOT_DONE', `Perioden er ikke lest${fromTest}`)
      : hasPeriodProblem(ipl, season)
        ? item(
            'WHOLE_PERIOD',
            periodLabel,
            'NOT_DONE',
            `Fagmeldingen dekker ${describePeriod(ipl.periodFrom, ipl.periodTo)}, ikke ${describeSeasonPeriod(season)}${fromTest}`,
          )
        : item('WHOLE_PERIOD', periodLabel, 'DONE');

  const organisationLabel = 'Organisasjonsnumre gyldige';
  const organisationNumbers = !summary
    ? item('ORGANISATION_NUMBERS_VALID', organisationLabel, 'NOT_DONE', ipl ? notRead : noIpl)
    : summary.organisationNumbers.invalid > 0
      ? item(
          'ORGANISATION_NUMBERS_VALID',
          organisationLabel,
          'NOT_DONE',
          `${formatNumber(summary.organisationNumbers.invalid)} av ${formatNumber(summary.organisationNumbers.checked)} er ugyldige${fromTest}`,
        )
      : item('ORGANISATION_NUMBERS_VALID', organisationLabel, 'DONE', `${formatNumber(summary.organisationNumbers.checked)} kontrollert${fromTest}`);

  const expiredLabel = `Ingen utgåtte tjenestekoder (${serviceCodes.expired.join(', ')})`;
  const expiredInUse = summary ? serviceCodes.expired.filter((code) => (summary.servicesByCode[code] ?? 0) > 0) : [];
  const noExpiredCodes = !summary
    ? item('NO_EXPIRED_SERVICE_CODES', expiredLabel, 'NOT_DONE', ipl ? notRead : noIpl)
    : expiredInUse.length > 0
      ? item('NO_EXPIRED_SERVICE_CODES', expiredLabel, 'NOT_DONE', `I bruk: kode ${formatList(expiredInUse)}${fromTest}`)
      : item('NO_EXPIRED_SERVICE_CODES', expiredLabel, 'DONE');

  const welfareLabel = `Velferdsteknologi registrert (${serviceCodes.welfareTechnology.join(', ')})`;
  const welfareServices = summary ? servicesOf(summary, serviceCodes.welfareTechnology) : 0;
  const welfare = !summary
    ? item('WELFARE_TECHNOLOGY', welfareLabel, 'NOT_DONE', ipl ? notRead : noIpl)
    : welfareServices > 0
      ? item('WELFARE_TECHNOLOGY', welfareLabel, 'DONE', countOf(welfareServices, 'tjeneste', 'tjenester') + fromTest)
      : item('WELFARE_TECHNOLOGY', welfareLabel, 'WARNING', `Ingen tjenester med disse kodene${fromTest}`);

  const volumesLabel = 'Omfang per tjeneste rimelig mot i fjor';
  const changes = summary && input.previousSeason
    ? implausibleVolumes(summary.servicesByCode, input.previousSeason.servicesByCode, facts.rules.volumePlausibility)
    : [];
  const volumes = !input.previousSeason
    ? item('VOLUMES_PLAUSIBLE', volumesLabel, 'NOT_APPLICABLE', 'Ingen godtatt leveranse fra i fjor å sammenligne med')
    : !summary
      ? item('VOLUMES_PLAUSIBLE', volumesLabel, 'NOT_DONE', ipl ? notRead : noIpl)
      : changes.length > 0
        ? item('VOLUMES_PLAUSIBLE', volumesLabel, 'WARNING', `Store endringer: ${changes.join('; ')}${fromTest}`)
        : item('VOLUMES_PLAUSIBLE', volumesLabel, 'DONE');

  return [
    testSent,
    testAccepted,
    productionIpl,
    ideSent,
    noOpenErrors,
    municipalityNumber,
    wholePeriod,
    organisationNumbers,
    noExpiredCodes,
    welfare,
    volumes,
  ];
}
