import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/db/testing/database';
import { contentSummarySchema } from '@/lib/core/content-summary';
import { CHECK_FINDING_SEVERITY } from '@/lib/ingest/rules/finding-codes';
import { isValidOrganisationNumber } from '@/lib/core/identifiers';
import { APPREC_ERROR_CODE_SYSTEM } from './dataset-builder';
import { generateDemoData } from './generate';
import type { DemoApprec, DemoDataset, DemoMessage, DemoReference, ReferenceSeason } from './model';
import { loadDemoReference } from './data';

const SEED = 2025;
const HOUR = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

let reference: DemoReference;
let dataset: DemoDataset;
let season2024: ReferenceSeason;
let season2025: ReferenceSeason;
let dailySeason: ReferenceSeason;

beforeAll(async () => {
  // The reference data exactly as the application loads it: from a freshly migrated database.
  const database = await createTestDatabase();
  try {
    reference = await loadDemoReference(database.prisma);
  } finally {
    await database.drop();
  }
  dataset = generateDemoData(reference, { seed: SEED });
  season2024 = reference.seasons.find((season) => season.key === '2024') as ReferenceSeason;
  season2025 = reference.seasons.find((season) => season.key === '2025') as ReferenceSeason;
  dailySeason = reference.seasons.find((season) => season.kind === 'DAILY') as ReferenceSeason;
});

const inSeason = <Row extends { seasonId: string }>(rows: readonly Row[], season: ReferenceSeason) =>
  rows.filter((row) => row.seasonId === season.id);

function apprecsByMsgId(data: DemoDataset): Map<string, DemoApprec> {
  return new Map(data.apprecs.map((apprec) => [apprec.originalMsgId, apprec]));
}

/** Production KPR_IPLs per municipality, oldest first. */
function productionFagmeldinger(data: DemoDataset, season: ReferenceSeason): Map<string, DemoMessage[]> {
  const result = new Map<string, DemoMessage[]>();
  for (const message of inSeason(data.messages, season)) {
    if (message.type !== 'KPR_IPL' || message.environment !== 'PRODUCTION' || !message.municipalityNumber) continue;
    result.set(message.municipalityNumber, [...(result.get(message.municipalityNumber) ?? []), message]);
  }
  for (const messages of result.values()) messages.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  return result;
}

/** Every instant in the dataset. */
function instants(data: DemoDataset): Date[] {
  return [
    ...data.messages.flatMap((row) => [row.genDate, row.receivedAt, row.createdAt]),
    ...data.apprecs.flatMap((row) => [row.genDate, row.receivedAt, row.createdAt]),
    ...data.findings.flatMap((row) => [row.detectedAt, row.resolvedAt, row.createdAt]),
    ...data.extensionRequests.flatMap((row) => [row.requestedAt, row.decidedAt]),
    ...data.notes.map((row) => row.createdAt),
  ].filter((instant): instant is Date => instant !== null);
}

describe('generateDemoData: determinism and the story clock', () => {
  it('gives the same rows, ids included, for the same seed', () => {
    expect(generateDemoData(reference, { seed: SEED })).toEqual(dataset);
  });

  it('tells another story for another seed', () => {
    const other = generateDemoData(reference, { seed: SEED + 1 });
    const ids = new Set(dataset.messages.map((message) => message.id));
    expect(other.messages.some((message) => ids.has(message.id))).toBe(false);
    expect(other.messages.map((message) => message.receivedAt)).not.toEqual(
      dataset.messages.map((message) => message.receivedAt),
    );
  });

  it('stands by default at noon in Oslo on 20 January 2026, and nothing happens after the clock', () => {
    expect(dataset.now).toEqual(new Date('2026-01-20T12:00:00+01:00'));
    for (const instant of instants(dataset)) expect(instant.getTime()).toBeLessThanOrEqual(dataset.now.getTime());
  });

  it('shows a part of the same story at an earlier clock', () => {
    const now = new Date('2026-01-08T12:00:00+01:00');
    const early = generateDemoData(reference, { seed: SEED, now });
    expect(early.now).toEqual(now);
    for (const instant of instants(early)) expect(instant.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(early.messages.length).toBeLessThan(dataset.messages.length);
    const later = new Map(dataset.messages.map((message) => [message.id, message]));
    for (const message of early.messages) expect(later.get(message.id)).toEqual(message);
    const laterFindings = new Set(dataset.findings.map((finding) => finding.id));
    for (const finding of early.findings) expect(laterFindings.has(finding.id)).toBe(true);
  });

  it('refuses a negative or fractional number of extra seasons', () => {
    expect(() => generateDemoData(reference, { seed: SEED, extraAnnualSeasons: -1 })).toThrow(RangeError);
    expect(() => generateDemoData(reference, { seed: SEED, extraAnnualSeasons: 1.5 })).toThrow(RangeError);
  });
});

describe('generateDemoData: the story of the 2024 and 2025 seasons', () => {
  it('gives every municipality a story in both seasons', () => {
    for (const season of [season2024, season2025]) {
      const touched = new Set([
        ...inSeason(dataset.messages, season).map((message) => message.municipalityNumber),
        ...inSeason(dataset.findings, season).map((finding) => finding.municipalityNumber),
        ...inSeason(dataset.notes, season).map((note) => note.municipalityNumber),
        ...inSeason(dataset.extensionRequests, season).map((request) => request.municipalityNumber),
      ]);
      for (const municipality of reference.municipalities)
        expect(touched.has(municipality.number), municipality.number).toBe(true);
    }
  });

  it('has 85–95 % delivered by the deadline, mostly in the first half of January', () => {
    const apprecs = apprecsByMsgId(dataset);
    const fagmeldinger = productionFagmeldinger(dataset, season2025);
    const delivered = [...fagmeldinger.values()].filter((messages) =>
      messages.some(
        (message) => message.receivedAt <= season2025.deadline && apprecs.get(message.msgId)?.status === 'OK',
      ),
    );
    const share = delivered.length / reference.municipalities.length;
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(share).toBeLessThanOrEqual(0.95);

    const firsts = [...fagmeldinger.values()].map((messages) => messages[0] as DemoMessage);
    const inFirstHalf = firsts.filter(
      (message) => message.receivedAt >= season2025.opensAt && message.receivedAt <= season2025.deadline,
    );
    expect(inFirstHalf.length / firsts.length).toBeGreaterThan(0.85);
  });

  it('has tests against KPR Validering in the autumn', () => {
    const tests = inSeason(dataset.messages, season2025).filter((message) => message.environment === 'VALIDATION');
    expect(tests.length).toBeGreaterThan(50);
    for (const message of tests) {
      expect(message.genDate >= new Date('2025-09-01T00:00:00+02:00') && message.genDate < season2025.opensAt).toBe(
        true,
      );
    }
  });

  it('has first deliveries rejected with 8221 errors and resent with new MsgIds', () => {
    const apprecs = apprecsByMsgId(dataset);
    const resent = [...productionFagmeldinger(dataset, season2025).values()].filter(
      (messages) =>
        apprecs.get((messages[0] as DemoMessage).msgId)?.status === 'REJECTED' &&
        messages.slice(1).some((message) => apprecs.get(message.msgId)?.status === 'OK'),
    );
    expect(resent.length).toBeGreaterThanOrEqual(10);

    const errorNames = new Map(reference.apprecErrorCodes.map((entry) => [entry.code, entry.name]));
    expect(dataset.apprecErrors.length).toBeGreaterThan(0);
    for (const error of dataset.apprecErrors) {
      expect(error.codeSystem).toBe(APPREC_ERROR_CODE_SYSTEM);
      expect(error.displayName).toBe(errorNames.get(error.code));
    }
    expect(dataset.apprecErrors.some((error) => error.freeText !== null)).toBe(true);
  });

  it('has identmeldinger and Apprecs that never came', () => {
    const apprecs = apprecsByMsgId(dataset);
    const production = inSeason(dataset.messages, season2025).filter((message) => message.environment === 'PRODUCTION');
    const identRuns = new Set(
      production
        .filter((message) => message.type === 'KPR_IDE')
        .map((message) => `${message.municipalityNumber}/${message.runNumber}`),
    );
    const withoutIdent = production.filter(
      (message) => message.type === 'KPR_IPL' && !identRuns.has(`${message.municipalityNumber}/${message.runNumber}`),
    );
    expect(withoutIdent.length).toBeGreaterThan(0);

    const overdue = production.filter(
      (message) =>
        message.type === 'KPR_IPL' &&
        !apprecs.has(message.msgId) &&
        dataset.now.getTime() - message.receivedAt.getTime() > 96 * HOUR,
    );
    expect(overdue.length).toBeGreaterThan(0);
    const late = production.filter((message) => {
      const apprec = apprecs.get(message.msgId);
      return (
        message.type === 'KPR_IPL' && apprec && apprec.receivedAt.getTime() - message.receivedAt.getTime() > 96 * HOUR
      );
    });
    expect(late.length).toBeGreaterThan(0);
  });

  it('has findings of every kind in domain.md §5, from the ingest checks and from FHI, some resolved by a resend', () => {
    const findings = inSeason(dataset.findings, season2025);
    const ingestCodes = new Set(
      findings.filter((finding) => finding.source === 'INGEST_CHECK').map((finding) => finding.code),
    );
    for (const code of Object.keys(CHECK_FINDING_SEVERITY)) expect(ingestCodes.has(code), code).toBe(true);
    const fhiSeverities = new Set(
      findings.filter((finding) => finding.source === 'FHI_VALIDATION').map((finding) => finding.severity),
    );
    expect([...fhiSeverities].sort()).toEqual(['ERROR', 'INFO', 'WARNING']);

    const receivedAt = new Set(
      inSeason(dataset.messages, season2025).map(
        (message) => `${message.municipalityNumber}/${message.receivedAt.getTime()}`,
      ),
    );
    const resolved = findings.filter((finding) => finding.status === 'RESOLVED');
    expect(resolved.length).toBeGreaterThan(0);
    expect(findings.some((finding) => finding.status === 'OPEN')).toBe(true);
    for (const finding of resolved) {
      expect(receivedAt.has(`${finding.municipalityNumber}/${finding.resolvedAt?.getTime()}`)).toBe(true);
    }
  });

  it('has extension requests granted, denied and pending', () => {
    const requests = inSeason(dataset.extensionRequests, season2025);
    expect(new Set(requests.map((request) => request.status))).toEqual(new Set(['GRANTED', 'DENIED', 'PENDING']));
    for (const request of requests) {
      expect(request.grantedDeadline !== null).toBe(request.status === 'GRANTED');
      expect(request.decidedAt !== null).toBe(request.status !== 'PENDING');
      expect(request.requestedDeadline > season2025.deadline).toBe(true);
    }
    // The 2024 season is long over: every request has been decided.
    expect(inSeason(dataset.extensionRequests, season2024).every((request) => request.status !== 'PENDING')).toBe(true);
  });

  it('has municipalities that deliver late and some that never do', () => {
    const fagmeldinger = productionFagmeldinger(dataset, season2025);
    const late = [...fagmeldinger.values()].filter(
      (messages) => (messages[0] as DemoMessage).receivedAt > season2025.deadline,
    );
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(reference.municipalities.length - fagmeldinger.size).toBeGreaterThanOrEqual(3);
    const fagmeldinger2024 = productionFagmeldinger(dataset, season2024);
    expect(reference.municipalities.length - fagmeldinger2024.size).toBeGreaterThanOrEqual(1);
  });

  it('has municipalities that changed EPJ system between 2024 and 2025', () => {
    const last = (season: ReferenceSeason) =>
      new Map(
        [...productionFagmeldinger(dataset, season)].map(([number, messages]) => [number, messages.at(-1)?.epjSystem]),
      );
    const before = last(season2024);
    const changed = [...last(season2025)].filter(
      ([number, system]) => before.has(number) && before.get(number) !== system,
    );
    expect(changed.length).toBeGreaterThanOrEqual(3);
  });

  it('has municipalities still sending their number from before 2024, resolved through the renumbering', () => {
    const renumbering = new Map(reference.renumbering.map((row) => [row.oldNumber, row.newNumber]));
    const oldNumbers = dataset.messages.filter(
      (message) =>
        message.municipalityNumber !== null && message.municipalityNumberAsSent !== message.municipalityNumber,
    );
    expect(inSeason(oldNumbers, season2025).length).toBeGreaterThan(0);
    for (const message of oldNumbers)
      expect(renumbering.get(message.municipalityNumberAsSent as string)).toBe(message.municipalityNumber);
  });
});

describe('generateDemoData: the rows', () => {
  it('gives messages unique ids and MsgIds, some of them not UUIDs, and a KPR_IPL and KPR_IDE per run', () => {
    expect(new Set(dataset.messages.map((message) => message.id)).size).toBe(dataset.messages.length);
    expect(new Set(dataset.messages.map((message) => message.msgId)).size).toBe(dataset.messages.length);
    for (const message of dataset.messages) expect(message.id).toMatch(UUID);
    const uuids = dataset.messages.filter((message) => UUID.test(message.msgId)).length;
    expect(uuids).toBeGreaterThan(dataset.messages.length / 2);
    expect(uuids).toBeLessThan(dataset.messages.length);

    const runs = new Map<string, DemoMessage[]>();
    for (const message of dataset.messages) {
      const key = `${message.seasonId}/${message.senderHerId}/${message.environment}/${message.runNumber}`;
      runs.set(key, [...(runs.get(key) ?? []), message]);
    }
    for (const messages of runs.values()) {
      expect(messages.filter((message) => message.type === 'KPR_IPL')).toHaveLength(1);
      expect(messages.filter((message) => message.type === 'KPR_IDE').length).toBeLessThanOrEqual(1);
    }
  });

  it('fills message rows as the ingest would', () => {
    const receivers = new Map(
      reference.endpoints
        .filter((endpoint) => endpoint.level === 2)
        .map((endpoint) => [endpoint.environment, endpoint.herId]),
    );
    for (const message of dataset.messages) {
      expect(message.receiverHerId).toBe(receivers.get(message.environment));
      const transit = message.receivedAt.getTime() - message.genDate.getTime();
      expect(transit).toBeGreaterThan(0);
      expect(transit).toBeLessThanOrEqual(20 * 60_000);
      expect(message.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(contentSummarySchema.parse(message.contentSummary).kind).toBe(message.type);
      expect(message.periodFrom !== null && message.periodTo !== null && message.periodFrom <= message.periodTo).toBe(
        true,
      );
    }
    const systems = new Set(dataset.messages.map((message) => message.epjSystem));
    expect(systems.size).toBeGreaterThanOrEqual(3);
    expect(new Set(dataset.messages.map((message) => message.transport))).toEqual(new Set(['AMQP', 'EDI']));
  });

  it('links every Apprec to a message by its MsgId, one each, rejections with errors and acceptances without', () => {
    const messages = new Map(dataset.messages.map((message) => [message.msgId, message]));
    const errorCounts = new Map<string, number>();
    for (const error of dataset.apprecErrors)
      errorCounts.set(error.apprecId, (errorCounts.get(error.apprecId) ?? 0) + 1);
    expect(new Set(dataset.apprecs.map((apprec) => apprec.originalMsgId)).size).toBe(dataset.apprecs.length);
    for (const apprec of dataset.apprecs) {
      const message = messages.get(apprec.originalMsgId);
      expect(message, apprec.originalMsgId).toBeDefined();
      expect(apprec.originalMsgType).toBe(message?.type);
      expect(apprec.receivedAt > (message as DemoMessage).receivedAt).toBe(true);
      expect(apprec.receiverHerId).toBe(message?.senderHerId);
      expect((errorCounts.get(apprec.id) ?? 0) > 0).toBe(apprec.status === 'REJECTED');
    }
  });

  it('gives valid organisation numbers, except the invalid ones in content that the findings report', () => {
    for (const message of dataset.messages)
      expect(isValidOrganisationNumber(message.senderOrgNumber as string)).toBe(true);
    const reported = new Map(
      dataset.findings
        .filter((finding) => finding.code === 'ORGANISATION_NUMBER_INVALID')
        .map((finding) => [finding.messageId, finding.count]),
    );
    const invalid = dataset.messages.flatMap((message) =>
      message.contentSummary.kind === 'KPR_IPL' && message.contentSummary.organisationNumbers.invalid > 0
        ? [[message.id, message.contentSummary.organisationNumbers.invalid] as const]
        : [],
    );
    expect(invalid.length).toBeGreaterThan(0);
    expect(new Map(invalid)).toEqual(reported);
  });

  it('ties every finding to a message of its municipality (or of no municipality, when the number was unknown)', () => {
    const messages = new Map(dataset.messages.map((message) => [message.id, message]));
    for (const finding of dataset.findings) {
      const message = messages.get(finding.messageId as string);
      expect(message).toBeDefined();
      expect([finding.municipalityNumber, null]).toContain(message?.municipalityNumber);
      expect(finding.detectedAt >= (message as DemoMessage).receivedAt).toBe(true);
    }
    expect(
      dataset.findings.some((finding) => messages.get(finding.messageId as string)?.municipalityNumber === null),
    ).toBe(true);
  });
});

describe('generateDemoData: scale', () => {
  it('adds earlier annual seasons, deadline 15 January end of day in Oslo, and keeps the default story', () => {
    const scaled = generateDemoData(reference, { seed: SEED, extraAnnualSeasons: 3 });
    expect(scaled.seasons.map((season) => [season.key, season.kind, season.deadline])).toEqual([
      ['2021', 'ANNUAL', new Date('2022-01-15T23:59:59.999+01:00')],
      ['2022', 'ANNUAL', new Date('2023-01-15T23:59:59.999+01:00')],
      ['2023', 'ANNUAL', new Date('2024-01-15T23:59:59.999+01:00')],
    ]);
    const annual = (data: DemoDataset) => data.messages.filter((message) => message.seasonId !== dailySeason.id);
    const ratio = annual(scaled).length / annual(dataset).length;
    expect(ratio).toBeGreaterThan(2.2);
    expect(ratio).toBeLessThan(2.8);
    const scaledIds = new Set(scaled.messages.map((message) => message.id));
    expect(dataset.messages.every((message) => scaledIds.has(message.id))).toBe(true);
  });

  it('tells the daily season from the reference up to its own clock, the annual stories unchanged', () => {
    const dailyNow = new Date('2026-03-02T12:00:00+01:00');
    const daily = generateDemoData(reference, { seed: SEED, dailyNow });
    expect(daily.seasons).toHaveLength(0);
    const messages = inSeason(daily.messages, dailySeason);
    for (const message of messages) expect(message.receivedAt <= dailyNow).toBe(true);
    expect(new Set(messages.map((message) => message.municipalityNumber)).size).toBeGreaterThan(100);
    // Each production delivery carries the days up to the night it is sent; test traffic goes to KPR Validering.
    for (const message of messages) expect((message.periodTo as Date) < message.genDate).toBe(true);
    expect(messages.some((message) => message.environment === 'VALIDATION')).toBe(true);
    const annual = (data: DemoDataset) => data.messages.filter((message) => message.seasonId !== dailySeason.id);
    expect(annual(daily)).toEqual(annual(dataset));

    // A later clock tells the same story up to the trouble it places just before itself.
    const later = generateDemoData(reference, { seed: SEED, dailyNow: new Date('2026-04-01T12:00:00+02:00') });
    const laterMessages = new Map(later.messages.map((message) => [message.id, message]));
    const before = new Date('2026-02-01T00:00:00+01:00');
    for (const message of messages.filter((message) => message.receivedAt < before)) {
      expect(laterMessages.get(message.id)).toEqual(message);
    }
  });
});
