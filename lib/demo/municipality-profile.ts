/**
 * The lasting traits of a municipality in the demo: its size, its sender identity (HER-id,
 * organisation number), its EPJ system through the years and its service mix. Traits do not
 * depend on which seasons are generated, so a scale run tells the same story for 2024 and 2025 as
 * the default run.
 */
import { organisationNumberCheckDigit } from '@/lib/core/identifiers';
import type { Transport } from '@/lib/db/generated/enums';
import type { DemoReference } from './model';
import { Random, stableFraction } from './random';

type EpjSystem = 'Gerica' | 'Profil' | 'CosDoc' | 'Visma Flyt Omsorg';

/** Market shares when the EPJ history starts, and where municipalities that change go (Visma Flyt Omsorg from 2021). */
const EPJ_START_SHARES: readonly (readonly [EpjSystem, number])[] = [
  ['Gerica', 45],
  ['Profil', 30],
  ['CosDoc', 25],
];
const EPJ_CHANGE_TARGETS = (year: number): readonly (readonly [EpjSystem, number])[] =>
  year < 2021
    ? EPJ_START_SHARES
    : [
        ['Visma Flyt Omsorg', 55],
        ['CosDoc', 25],
        ['Gerica', 10],
        ['Profil', 10],
      ];
/** The first year of the EPJ history: the earliest data year a scale run can ask for is the one after. */
export const EPJ_HISTORY_START = 2000;
/** Yearly chance of changing EPJ system, before and after the newer systems came on the market. */
const EPJ_CHANGE_CHANCE = (year: number) => (year < 2021 ? 0.02 : 0.05);

const EPJ_VERSION: Record<EpjSystem, (year: number, random: Random) => string> = {
  Gerica: (year, random) => `${year < 2018 ? 6 : 7}.${year % 10}.${random.int(0, 4)}`,
  Profil: (year, random) => `${Math.floor((year - 1995) / 3)}.${random.int(0, 9)}`,
  CosDoc: (year, random) => `${year < 2019 ? 4 : 5}.${year % 10}.${random.int(1, 6)}`,
  'Visma Flyt Omsorg': (year, random) => `${year}.${random.int(1, 12)}`,
};

/**
 * TJENESTE records per person with services, per IPLOS code: a rough national mix. Codes the
 * reference does not list as valid for the data year are left out.
 */
const SERVICE_SHARES: ReadonlyMap<number, number> = new Map([
  [1, 0.22],
  [2, 0.02],
  [3, 0.012],
  [4, 0.06],
  [5, 0.05],
  [6, 0.24],
  [7, 0.03],
  [8, 0.035],
  [9, 0.07],
  [11, 0.03],
  [14, 0.002],
  [15, 0.48],
  [17, 0.01],
  [18, 0.03],
  [19, 0.06],
  [20, 0.07],
  [21, 0.085],
  [22, 0.002],
  [23, 0.003],
  [24, 0.01],
  [25, 0.025],
  [26, 0.015],
  [27, 0.05],
  [28, 0.04],
  [29, 0.06],
]);
/** Share of the population receiving municipal health and care services (about 370 000 of 5.6 million). */
const RECIPIENT_SHARE = 0.065;
const RECIPIENT_GROWTH_PER_YEAR = 0.015;
const RECORDS_PER_SERVICE = 1.15;
/**
 * A newly adopted welfare technology starts small and grows by less than the doubling the volume
 * check flags, so only the first year of a large municipality shows as a change.
 */
const WELFARE_RAMP = { start: 0.03, growth: 1.7 } as const;

export interface EpjInstallation {
  system: EpjSystem;
  version: string;
}

export interface MunicipalityProfile {
  number: string;
  name: string;
  /** The number valid 2020–2023 and the day the current one took over, if renumbered in 2024. */
  former: { number: string; replacedOn: Date } | null;
  /** Deterministic size proxy (not the real population): Oslo large, towns middling, the rest small. */
  population: number;
  herId: number;
  orgNumber: string;
  transport: Transport;
  /** Registers no welfare technology at all, year after year. */
  noWelfareTechnology: boolean;
  epjByYear: ReadonlyMap<number, EpjInstallation>;
  /** The municipality's own weighting of each service code. */
  serviceMix: ReadonlyMap<number, number>;
  /** First data year the municipality used each welfare-technology code other than 6 (then growing to full use). */
  welfareAdoptionYear: ReadonlyMap<number, number>;
}

/** The size proxy: seed-independent, from the number's place in its county's numbering. */
function populationProxy(number: string, countySize: number): number {
  const u = stableFraction(`population:${number}`);
  if (countySize === 1) return Math.round(650_000 + 100_000 * u);
  // Towns got the lowest numbers in each county's numbering.
  const [min, max] = Number(number.slice(2)) < 10 ? [10_000, 200_000] : [400, 20_000];
  return Math.round(min * (max / min) ** u);
}

function validOrganisationNumber(random: Random): string {
  for (;;) {
    const firstEight = `9${random.digits(7)}`;
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) return `${firstEight}${check}`;
  }
}

function epjHistory(random: Random, untilYear: number): Map<number, EpjInstallation> {
  const history = new Map<number, EpjInstallation>();
  let system = random.weighted(EPJ_START_SHARES);
  for (let year = EPJ_HISTORY_START; year <= untilYear; year++) {
    if (year > EPJ_HISTORY_START && random.chance(EPJ_CHANGE_CHANCE(year))) {
      const current = system;
      system = random.weighted(EPJ_CHANGE_TARGETS(year).filter(([name]) => name !== current));
    }
    history.set(year, { system, version: EPJ_VERSION[system](year, random) });
  }
  return history;
}

/** Profiles for every municipality, with unique HER-ids and organisation numbers. */
export function buildProfiles(
  reference: DemoReference,
  seed: number,
  untilYear: number,
): Map<string, MunicipalityProfile> {
  const countySizes = new Map<string, number>();
  for (const municipality of reference.municipalities) {
    countySizes.set(municipality.countyNumber, (countySizes.get(municipality.countyNumber) ?? 0) + 1);
  }
  const formerByNumber = new Map(
    reference.renumbering.map((row) => [row.newNumber, { number: row.oldNumber, replacedOn: row.validFrom }]),
  );
  const usedHerIds = new Set(reference.endpoints.map((endpoint) => endpoint.herId));
  const usedOrgNumbers = new Set<string>();
  const municipalities = [...reference.municipalities].sort((a, b) => a.number.localeCompare(b.number));
  const withoutWelfare = new Set(
    Random.stream(seed, 'no-welfare-technology')
      .shuffle(municipalities.map((municipality) => municipality.number))
      .slice(0, Math.max(1, Math.round(municipalities.length * 0.02))),
  );

  const profiles = new Map<string, MunicipalityProfile>();
  for (const municipality of municipalities) {
    const random = Random.stream(seed, 'municipality', municipality.number);
    let herId = random.int(100_000, 999_999);
    while (usedHerIds.has(herId)) herId = random.int(100_000, 999_999);
    usedHerIds.add(herId);
    let orgNumber = validOrganisationNumber(random);
    while (usedOrgNumbers.has(orgNumber)) orgNumber = validOrganisationNumber(random);
    usedOrgNumbers.add(orgNumber);

    const serviceMix = new Map<number, number>();
    for (const code of SERVICE_SHARES.keys()) serviceMix.set(code, random.between(0.75, 1.3));
    const welfareAdoptionYear = new Map<number, number>();
    for (const code of [26, 27, 28]) welfareAdoptionYear.set(code, random.int(2016, 2028));

    profiles.set(municipality.number, {
      number: municipality.number,
      name: municipality.shortName,
      former: formerByNumber.get(municipality.number) ?? null,
      population: populationProxy(municipality.number, countySizes.get(municipality.countyNumber) ?? 0),
      herId,
      orgNumber,
      transport: random.chance(0.9) ? 'AMQP' : 'EDI',
      noWelfareTechnology: withoutWelfare.has(municipality.number),
      epjByYear: epjHistory(Random.stream(seed, 'epj', municipality.number), untilYear),
      serviceMix,
      welfareAdoptionYear,
    });
  }
  return profiles;
}

export function epjIn(profile: MunicipalityProfile, year: number): EpjInstallation {
  const installation = profile.epjByYear.get(year);
  if (!installation) throw new RangeError(`no EPJ history for ${profile.number} in ${year}`);
  return installation;
}

export interface ExpectedVolume {
  persons: number;
  servicesByCode: Map<number, number>;
}

/**
 * What a correct, complete extract for the data year holds (before the noise of a real run): the
 * yardstick for "plausible vs last year". Depends only on the seed, the municipality and the year.
 */
export function expectedVolume(
  profile: MunicipalityProfile,
  reference: DemoReference,
  seed: number,
  year: number,
): ExpectedVolume {
  const random = Random.stream(seed, 'volume', profile.number, year);
  const persons = Math.max(
    3,
    Math.round(
      profile.population *
        RECIPIENT_SHARE *
        (1 + RECIPIENT_GROWTH_PER_YEAR) ** (year - 2025) *
        random.between(0.98, 1.02),
    ),
  );
  const servicesByCode = new Map<number, number>();
  for (const serviceCode of reference.serviceCodes) {
    const share = SERVICE_SHARES.get(serviceCode.code);
    if (share === undefined || !isValidIn(serviceCode, year)) continue;
    if (serviceCode.welfareTechnology && profile.noWelfareTechnology) continue;
    const adoption = profile.welfareAdoptionYear.get(serviceCode.code);
    if (adoption !== undefined && year < adoption) continue;
    const ramp =
      adoption === undefined ? 1 : Math.min(1, WELFARE_RAMP.start * WELFARE_RAMP.growth ** (year - adoption));
    const count = Math.round(
      persons * share * RECORDS_PER_SERVICE * (profile.serviceMix.get(serviceCode.code) ?? 1) * ramp,
    );
    if (count > 0) servicesByCode.set(serviceCode.code, count);
  }
  return { persons, servicesByCode };
}

function isValidIn(
  serviceCode: Pick<DemoReference['serviceCodes'][number], 'validFromYear' | 'validToYear'>,
  year: number,
): boolean {
  return (
    (serviceCode.validFromYear === null || serviceCode.validFromYear <= year) &&
    (serviceCode.validToYear === null || year <= serviceCode.validToYear)
  );
}
