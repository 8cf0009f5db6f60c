import { describe, expect, it } from 'vitest';
import { endOfOsloDay } from '../../core/calendar';
import { deriveDeliveryState } from './derive';
import { extensionPendingWait } from './flags';
import {
  apprec,
  at,
  delivery,
  extension,
  finding,
  ide,
  input,
  ipl,
  LAST_SEASON_CURVE,
  T02,
} from '@/lib/db/testing/delivery-state-builders';
import type { DeliveryFlag, DeliveryStateInput, FlagCode } from './types';

function flag(events: DeliveryStateInput, asOf: string, code: FlagCode): DeliveryFlag {
  const found = deriveDeliveryState(events, at(asOf)).flags.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no ${code} flag`);
  return found;
}

const REJECTED = delivery('r1', '2026-01-05T10:00:00+01:00', {
  status: 'REJECTED',
  at: '2026-01-05T12:00:00+01:00',
  errors: [T02],
});

describe('MUST_RESUBMIT', () => {
  it('after a rejection: the Apprec errors as reason and evidence, fix and resend as next step', () => {
    const mustResubmit = flag(input(REJECTED), '2026-01-05T13:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit).toEqual({
      code: 'MUST_RESUBMIT',
      reason: 'Fagmeldingen (KPR_IPL) ble avvist i Apprec 05.01.2026 kl. 12:00: T02 XML validerer ikke.',
      evidence: {
        msgIds: ['r1-ipl'],
        apprecIds: ['apprec-r1-ipl-2026-01-05T12:00:00+01:00'],
        apprecErrorCodes: ['T02'],
        times: [
          { label: 'Sendt', at: at('2026-01-05T10:01:00+01:00') },
          { label: 'Avvist', at: at('2026-01-05T12:00:00+01:00') },
        ],
      },
      nextStep:
        'Rett feilene Apprec viser, og send hele året på nytt – både fagmelding (KPR_IPL) og identmelding (KPR_IDE) – med nye MsgId-er. Vent på Apprec før dere sender igjen.',
      causes: ['REJECTED'],
    });
  });

  it('a resubmission agreed after the rejection clears the municipality to resend', () => {
    const events = input({ ...REJECTED, resubmissionAgreements: [{ createdAt: at('2026-01-06T09:00:00+01:00') }] });
    const mustResubmit = flag(events, '2026-01-06T10:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit.nextStep).toBe(
      'FHI har godkjent ny innsending (avtalt 06.01.2026). Kommunen kan nå sende hele året på nytt – både fagmelding (KPR_IPL) og identmelding (KPR_IDE) – med nye MsgId-er.',
    );
    expect(mustResubmit.evidence.times).toContainEqual({
      label: 'Ny innsending avtalt',
      at: at('2026-01-06T09:00:00+01:00'),
    });
    expect(mustResubmit.resubmissionAgreedAt).toEqual(at('2026-01-06T09:00:00+01:00'));
  });

  it.each([
    ['agreed before the rejection', '2026-01-05T11:00:00+01:00', '2026-01-06T10:00:00+01:00'],
    ['agreed after asOf', '2026-01-06T11:00:00+01:00', '2026-01-06T10:00:00+01:00'],
  ])('a resubmission %s does not clear', (_name, agreedAt, asOf) => {
    const events = input({ ...REJECTED, resubmissionAgreements: [{ createdAt: at(agreedAt) }] });
    expect(flag(events, asOf, 'MUST_RESUBMIT').nextStep).toMatch(/^Rett feilene Apprec viser/);
    expect(flag(events, asOf, 'MUST_RESUBMIT').resubmissionAgreedAt).toBeUndefined();
  });

  it('open error findings: agree with FHI first, and list the findings', () => {
    const events = input({
      ...delivery('r1', '2026-01-05T10:00:00+01:00', { status: 'OK', at: '2026-01-05T12:00:00+01:00' }),
      findings: [
        finding('r1-ipl', '2026-01-05T10:05:00+01:00', { message: 'Ugyldig organisasjonsnummer', count: 3 }),
        finding(null, '2026-01-06T08:00:00+01:00', { code: 'FHI-V17', message: 'Mange brukere uten vedtak' }),
      ],
    });
    const mustResubmit = flag(events, '2026-01-06T10:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit.reason).toBe(
      '2 åpne feil: Ugyldig organisasjonsnummer (3 forekomster); Mange brukere uten vedtak.',
    );
    expect(mustResubmit.evidence.findingCodes).toEqual(['ORGANISATION_NUMBER_INVALID', 'FHI-V17']);
    expect(mustResubmit.nextStep).toMatch(/^Kontakt FHI og avtal ny innsending\./);
    expect(mustResubmit.causes).toEqual(['OPEN_ERRORS']);
  });

  it('a missing KPR_IDE: send it with the same run number', () => {
    const events = input({
      messages: [ipl('a', '2026-01-05T10:00:00+01:00')],
      apprecs: [apprec('a', 'OK', '2026-01-05T12:00:00+01:00')],
    });
    const mustResubmit = flag(events, '2026-01-06T10:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit.reason).toBe(
      'Fagmeldingen (KPR_IPL) er godtatt, men identmeldingen (KPR_IDE) for samme kjøring er ikke mottatt.',
    );
    expect(mustResubmit.nextStep).toBe(
      'Send identmeldingen (KPR_IDE) med samme løpenummer som fagmeldingen, eller send hele leveransen på nytt.',
    );
  });

  it('a missing KPR_IPL: send it with the same run number', () => {
    const mustResubmit = flag(
      input({ messages: [ide('b', '2026-01-05T10:00:00+01:00')] }),
      '2026-01-05T11:00:00+01:00',
      'MUST_RESUBMIT',
    );
    expect(mustResubmit.reason).toMatch(/fagmeldingen \(KPR_IPL\) mangler\.$/);
    expect(mustResubmit.nextStep).toMatch(/^Send fagmeldingen \(KPR_IPL\)/);
  });

  it('an old municipality number and half a year, together', () => {
    const events = input({
      messages: [
        ipl('a', '2026-01-05T10:00:00+01:00', {
          municipalityNumberAsSent: '3001',
          municipalityNumber: '3101',
          periodTo: '2025-06-30',
        }),
      ],
    });
    const mustResubmit = flag(events, '2026-01-05T11:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit.causes).toEqual(['MUNICIPALITY_NUMBER', 'PARTIAL_PERIOD']);
    expect(mustResubmit.reason).toBe(
      'Fagmeldingen bruker det gamle kommunenummeret 3001; gyldig nummer er 3101. ' +
        'Fagmeldingen dekker 01.01.2025–30.06.2025, ikke hele perioden 01.01.2025–31.12.2025.',
    );
  });

  it('the KPR_IDE rejected', () => {
    const events = input({
      ...delivery('r1', '2026-01-05T10:00:00+01:00', { status: 'OK', at: '2026-01-05T12:00:00+01:00' }),
      apprecs: [
        apprec('r1-ipl', 'OK', '2026-01-05T12:00:00+01:00'),
        apprec('r1-ide', 'REJECTED', '2026-01-05T12:30:00+01:00', [T02]),
      ],
    });
    const mustResubmit = flag(events, '2026-01-05T13:00:00+01:00', 'MUST_RESUBMIT');
    expect(mustResubmit.causes).toEqual(['INCOMPLETE_DELIVERY']);
    expect(mustResubmit.evidence.msgIds).toEqual(['r1-ide']);
    expect(mustResubmit.nextStep).toMatch(/^Rett feilene Apprec viser/);
  });
});

describe('APPREC_MISSING', () => {
  it('says how long it has waited and not to resend', () => {
    const missing = flag(
      input(delivery('r1', '2026-01-09T15:00:00+01:00')),
      '2026-01-13T17:30:00+01:00',
      'APPREC_MISSING',
    );
    expect(missing).toEqual({
      code: 'APPREC_MISSING',
      reason:
        'Fagmeldingen (KPR_IPL) ble mottatt 09.01.2026 kl. 15:00. Etter 4 dager 2 timer har det ikke kommet Apprec (grensen er 96 timer).',
      evidence: {
        msgIds: ['r1-ipl'],
        times: [
          { label: 'Mottatt', at: at('2026-01-09T15:00:00+01:00') },
          { label: 'Apprec ventet senest', at: at('2026-01-13T15:00:00+01:00') },
        ],
      },
      nextStep: 'Ikke send på nytt før dette er avklart. Meld fra til FHI om at Apprec mangler for MsgId r1-ipl.',
    });
  });

  it('follows the season threshold', () => {
    const events = input({
      ...delivery('r1', '2026-01-05T10:00:00+01:00'),
      season: { ...input().season, apprecOverdueHours: 24 },
    });
    expect(deriveDeliveryState(events, at('2026-01-06T10:00:01+01:00')).state).toBe('APPREC_OVERDUE');
  });
});

describe('RESENT_BEFORE_APPREC', () => {
  it('names both messages', () => {
    const events = input({
      messages: [
        ...delivery('r1', '2026-01-05T10:00:00+01:00').messages,
        ...delivery('r2', '2026-01-06T10:00:00+01:00').messages,
      ],
      apprecs: [apprec('r1-ipl', 'OK', '2026-01-07T10:00:00+01:00')],
    });
    const resent = flag(events, '2026-01-07T11:00:00+01:00', 'RESENT_BEFORE_APPREC');
    expect(resent.reason).toBe(
      'En ny fagmelding (KPR_IPL) ble sendt 06.01.2026 kl. 10:00, før Apprec for forrige fagmelding (sendt 05.01.2026 kl. 10:00) var kommet (den kom 07.01.2026 kl. 10:00).',
    );
    expect(resent.evidence.msgIds).toEqual(['r1-ipl', 'r2-ipl']);
    expect(resent.evidence.apprecIds).toEqual(['apprec-r1-ipl-2026-01-07T10:00:00+01:00']);
  });
});

describe('OVERDUE', () => {
  it('counts the days since the deadline', () => {
    const overdue = flag(input(), '2026-01-20T09:00:00+01:00', 'OVERDUE');
    expect(overdue.reason).toBe('Fristen 15.01.2026 kl. 23:59 er passert, og kommunen har ingen godkjent levering.');
    expect(overdue.evidence.times).toEqual([{ label: 'Frist', at: endOfOsloDay('2026-01-15') }]);
  });

  it('sent after the deadline and awaiting its Apprec', () => {
    const overdue = flag(input(delivery('r1', '2026-01-16T00:01:00+01:00')), '2026-01-16T07:00:00+01:00', 'OVERDUE');
    expect(overdue.reason).toBe(
      'Fristen 15.01.2026 kl. 23:59 er passert, og fagmeldingen ble sendt etter fristen; den venter på Apprec.',
    );
  });
});

describe('SHOULD_APPLY_FOR_EXTENSION', () => {
  const LAST_SEASON = (n: number, days: number) => {
    const before = days === 0 ? 'på fristdagen' : `${days} ${days === 1 ? 'arbeidsdag' : 'arbeidsdager'} før fristen`;
    return (
      `I fjor (KPR 2024) rakk ${n} av 10 kommuner som ikke hadde startet ${before}, å få godkjent levering innen ` +
      'fristen; de som fikk godkjent levering, brukte i snitt 7 arbeidsdager på det.'
    );
  };

  it.each([
    ['2026-01-09T12:00:00+01:00', `Fristen 15.01.2026 kl. 23:59 er om 4 arbeidsdager. ${LAST_SEASON(3, 4)}`],
    ['2026-01-14T12:00:00+01:00', `Fristen 15.01.2026 kl. 23:59 er om 1 arbeidsdag. ${LAST_SEASON(3, 1)}`],
    ['2026-01-15T12:00:00+01:00', `Fristen går ut i dag (15.01.2026 kl. 23:59). ${LAST_SEASON(3, 0)}`],
  ])('at %s: says last season’s estimate in words', (asOf, reason) => {
    const advice = flag(input(), asOf, 'SHOULD_APPLY_FOR_EXTENSION');
    expect(advice.reason).toBe(reason);
    expect(advice.nextStep).toBe(
      'Søk om utsatt frist på kommunens side i KPR-status, med begrunnelse og datoen kommunen kan levere innen.',
    );
  });

  it('is not raised after the deadline (OVERDUE is)', () => {
    const codes = deriveDeliveryState(input(), at('2026-01-16T12:00:00+01:00')).flags.map((f) => f.code);
    expect(codes).toEqual(['OVERDUE']);
  });

  it('mentions an earlier denial', () => {
    const denied = extension('e1', '2026-01-05T09:00:00+01:00', '2026-02-28', {
      status: 'DENIED',
      decidedAt: at('2026-01-07T09:00:00+01:00'),
    });
    const advice = flag(
      input({ extensionRequests: [denied] }),
      '2026-01-12T12:00:00+01:00',
      'SHOULD_APPLY_FOR_EXTENSION',
    );
    expect(advice.reason).toBe(
      `Fristen 15.01.2026 kl. 23:59 er om 3 arbeidsdager. ${LAST_SEASON(3, 3)} En søknad om utsettelse ble avslått 07.01.2026.`,
    );
    expect(advice.evidence.extensionRequestIds).toEqual(['e1']);
    expect(advice.nextStep).toBe('Lever så snart som mulig. Søk om utsettelse på nytt bare med ny begrunnelse.');
  });

  it('follows last season: raised only where most in the same position missed the deadline', () => {
    // The test curve: 7 of 10 missed from 5 working days before the deadline, 1 of 10 earlier.
    expect(deriveDeliveryState(input(), at('2026-01-07T12:00:00+01:00')).flags).toEqual([]);
    expect(deriveDeliveryState(input(), at('2026-01-08T12:00:00+01:00')).flags.map((f) => f.code)).toEqual([
      'SHOULD_APPLY_FOR_EXTENSION',
    ]);
    // Sent and awaiting an Apprec: 1 of 10 missed, so not raised.
    const sent = input(delivery('r1', '2026-01-12T10:00:00+01:00'));
    expect(deriveDeliveryState(sent, at('2026-01-12T12:00:00+01:00')).flags).toEqual([]);
  });

  it('is not raised without last season, or with too few municipalities in that position', () => {
    expect(deriveDeliveryState(input({ deadlineRiskCurve: null }), at('2026-01-12T12:00:00+01:00')).flags).toEqual([]);
    const few = {
      ...LAST_SEASON_CURVE,
      points: LAST_SEASON_CURVE.points.map((point) => ({ ...point, municipalities: 2, deliveredByDeadline: 0 })),
    };
    expect(deriveDeliveryState(input({ deadlineRiskCurve: few }), at('2026-01-12T12:00:00+01:00')).flags).toEqual([]);
  });

  it('is not raised once an accepted delivery exists, even if a later resend failed', () => {
    const events = input({
      messages: [
        ...delivery('r1', '2026-01-05T10:00:00+01:00').messages,
        ...delivery('r2', '2026-01-12T10:00:00+01:00').messages,
      ],
      apprecs: [
        apprec('r1-ipl', 'OK', '2026-01-05T12:00:00+01:00'),
        apprec('r2-ipl', 'REJECTED', '2026-01-12T11:00:00+01:00', [T02]),
      ],
    });
    expect(deriveDeliveryState(events, at('2026-01-12T12:00:00+01:00')).flags.map((f) => f.code)).toEqual([
      'MUST_RESUBMIT',
    ]);
  });
});

describe('EXTENSION_PENDING', () => {
  const request = extension('e1', '2026-01-05T09:00:00+01:00', '2026-02-13');

  it.each([
    ['2026-01-05T16:00:00+01:00', 0, false],
    ['2026-01-08T16:00:00+01:00', 3, false],
    ['2026-01-09T08:00:00+01:00', 4, true],
  ])('at %s: %i working days, FHI alerted: %s', (asOf, days, alerted) => {
    const pending = flag(input({ extensionRequests: [request] }), asOf, 'EXTENSION_PENDING');
    expect(pending.needsFhiAttention).toBe(alerted);
    // The same notion for a request on its own (FHI's list of requests).
    expect(extensionPendingWait(request.requestedAt, at(asOf), input().season)).toEqual({
      workingDays: days,
      needsFhiAttention: alerted,
    });
    expect(pending.reason).toBe(
      `Søknaden om utsettelse (til 13.02.2026) ble sendt 05.01.2026 kl. 09:00 og er ikke avgjort etter ${days} ${days === 1 ? 'arbeidsdag' : 'arbeidsdager'}.`,
    );
    expect(pending.nextStep).toBe(
      alerted
        ? 'FHI bør avgjøre søknaden nå: den har ventet mer enn 3 arbeidsdager.'
        : 'FHI behandler søknaden. Fortsett arbeidet med leveransen i mellomtiden.',
    );
  });

  it('several pending requests: the oldest decides', () => {
    const later = extension('e2', '2026-01-08T09:00:00+01:00', '2026-02-27');
    const pending = flag(
      input({ extensionRequests: [later, request] }),
      '2026-01-09T08:00:00+01:00',
      'EXTENSION_PENDING',
    );
    expect(pending.reason).toMatch(/^2 søknader om utsettelse venter\. Den eldste \(til 13\.02\.2026\)/);
    expect(pending.evidence.extensionRequestIds).toEqual(['e1', 'e2']);
    expect(pending.needsFhiAttention).toBe(true);
  });
});

describe('flag order', () => {
  it('most urgent first', () => {
    const events = input({
      ...delivery('r1', '2026-01-15T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-16T09:00:00+01:00',
        errors: [T02],
      }),
      extensionRequests: [extension('e1', '2026-01-16T09:30:00+01:00', '2026-02-13')],
    });
    expect(deriveDeliveryState(events, at('2026-01-16T10:00:00+01:00')).flags.map((f) => f.code)).toEqual([
      'OVERDUE',
      'MUST_RESUBMIT',
      'EXTENSION_PENDING',
    ]);
  });
});

describe('a later sending on top of an accepted delivery: state, figures and texts agree', () => {
  const ACCEPTED_ON_TIME = delivery('r1', '2026-01-05T10:00:00+01:00', {
    status: 'OK',
    at: '2026-01-05T12:00:00+01:00',
  });
  const ACCEPTED_TEXT =
    'Kommunen har godkjent levering: leveransen sendt 05.01.2026 kl. 10:01 ble godkjent 05.01.2026 kl. 12:00. ';
  const combine = (...parts: Partial<DeliveryStateInput>[]) =>
    input({
      messages: parts.flatMap((part) => part.messages ?? []),
      apprecs: parts.flatMap((part) => part.apprecs ?? []),
    });

  interface Combination {
    name: string;
    later: Partial<DeliveryStateInput>;
    asOf: string;
    state: string;
    codes: FlagCode[];
    /** What MUST_RESUBMIT says after the accepted delivery (null: not raised). */
    lacks: string | null;
  }
  const combinations: Combination[] = [
    {
      name: 'a rejected resend before the deadline',
      later: delivery('r2', '2026-01-12T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-12T11:00:00+01:00',
        errors: [T02],
      }),
      asOf: '2026-01-12T12:00:00+01:00',
      state: 'REJECTED',
      codes: ['MUST_RESUBMIT'],
      lacks:
        'Den senere sendingen 12.01.2026 kl. 10:01 gjelder nå, og den har feil: Fagmeldingen (KPR_IPL) ble avvist i Apprec 12.01.2026 kl. 11:00: T02 XML validerer ikke.',
    },
    {
      name: 'a rejected resend after the deadline: not overdue, the accepted delivery was on time',
      later: delivery('r2', '2026-01-19T10:00:00+01:00', {
        status: 'REJECTED',
        at: '2026-01-19T11:00:00+01:00',
        errors: [T02],
      }),
      asOf: '2026-01-20T12:00:00+01:00',
      state: 'REJECTED',
      codes: ['MUST_RESUBMIT'],
      lacks:
        'Den senere sendingen 19.01.2026 kl. 10:01 gjelder nå, og den har feil: Fagmeldingen (KPR_IPL) ble avvist i Apprec 19.01.2026 kl. 11:00: T02 XML validerer ikke.',
    },
    {
      name: 'an incomplete resend after the deadline (KPR_IPL accepted, no KPR_IDE)',
      later: {
        messages: [ipl('r2-ipl', '2026-01-19T10:00:00+01:00', { runNumber: '2' })],
        apprecs: [apprec('r2-ipl', 'OK', '2026-01-19T11:00:00+01:00')],
      },
      asOf: '2026-01-20T12:00:00+01:00',
      state: 'INCOMPLETE',
      codes: ['MUST_RESUBMIT'],
      lacks:
        'Den senere sendingen 19.01.2026 kl. 10:00 gjelder nå, og den har feil: Fagmeldingen (KPR_IPL) er godtatt, men identmeldingen (KPR_IDE) for samme kjøring er ikke mottatt.',
    },
    {
      name: 'a resend whose KPR_IDE was rejected',
      later: {
        ...delivery('r2', '2026-01-12T10:00:00+01:00', { status: 'OK', at: '2026-01-12T11:00:00+01:00' }),
        apprecs: [
          apprec('r2-ipl', 'OK', '2026-01-12T11:00:00+01:00'),
          apprec('r2-ide', 'REJECTED', '2026-01-12T11:30:00+01:00', [T02]),
        ],
      },
      asOf: '2026-01-12T12:00:00+01:00',
      state: 'INCOMPLETE',
      codes: ['MUST_RESUBMIT'],
      lacks:
        'Den senere sendingen 12.01.2026 kl. 10:01 gjelder nå, og den har feil: Identmeldingen (KPR_IDE) ble avvist i Apprec 12.01.2026 kl. 11:30: T02 XML validerer ikke.',
    },
    {
      name: 'a resend after the deadline still awaiting its Apprec: not overdue',
      later: delivery('r2', '2026-01-19T10:00:00+01:00'),
      asOf: '2026-01-19T12:00:00+01:00',
      state: 'SENT',
      codes: [],
      lacks: null,
    },
  ];

  it.each(combinations)('$name', ({ later, asOf, state, codes, lacks }) => {
    const result = deriveDeliveryState(combine(ACCEPTED_ON_TIME, later), at(asOf));
    expect(result.state).toBe(state);
    expect(result.flags.map((f) => f.code)).toEqual(codes);
    // The accepted delivery stays accepted and on time, whatever was sent after it.
    expect(result.figures).toMatchObject({
      deliveredOnTime: true,
      firstAcceptedAt: at('2026-01-05T12:00:00+01:00'),
      firstAcceptedSentAt: at('2026-01-05T10:01:00+01:00'),
    });
    const resubmit = result.flags.find((f) => f.code === 'MUST_RESUBMIT');
    expect(resubmit?.reason ?? null).toBe(lacks && ACCEPTED_TEXT + lacks);
    expect(result.flags.some((f) => f.reason.includes('ingen godkjent levering'))).toBe(false);
  });

  it('accepted only after the deadline, then a rejected resend: late, but not overdue', () => {
    const late = delivery('r1', '2026-01-16T10:00:00+01:00', { status: 'OK', at: '2026-01-16T12:00:00+01:00' });
    const rejected = delivery('r2', '2026-01-19T10:00:00+01:00', {
      status: 'REJECTED',
      at: '2026-01-19T11:00:00+01:00',
      errors: [T02],
    });
    const result = deriveDeliveryState(combine(late, rejected), at('2026-01-20T12:00:00+01:00'));
    expect(result.state).toBe('REJECTED');
    expect(result.flags.map((f) => f.code)).toEqual(['MUST_RESUBMIT']);
    expect(result.figures.deliveredOnTime).toBe(false);
    expect(result.flags[0]!.reason).toMatch(
      /^Kommunen har godkjent levering: leveransen sendt 16\.01\.2026 kl\. 10:01/,
    );
  });

  it('accepted with errors on time, then a rejected resend: both said', () => {
    const withErrors = delivery('r1', '2026-01-05T10:00:00+01:00', {
      status: 'OK_WITH_ERRORS',
      at: '2026-01-05T12:00:00+01:00',
      errors: [T02],
    });
    const rejected = delivery('r2', '2026-01-12T10:00:00+01:00', {
      status: 'REJECTED',
      at: '2026-01-12T11:00:00+01:00',
      errors: [T02],
    });
    const result = deriveDeliveryState(combine(withErrors, rejected), at('2026-01-12T12:00:00+01:00'));
    expect(result.state).toBe('REJECTED');
    expect(result.figures.deliveredOnTime).toBe(true);
    expect(result.flags.map((f) => f.code)).toEqual(['MUST_RESUBMIT']);
    expect(result.flags[0]!.evidence.times?.map((time) => time.label)).toEqual([
      'Godkjent levering sendt',
      'Godkjent',
      'Sendt',
      'Avvist',
    ]);
  });
});
