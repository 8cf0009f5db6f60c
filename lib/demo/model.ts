/**
 * What the demo generator takes and gives: reference data in, plain rows out. The row types are
 * the Prisma models themselves (type-only imports, so this stays free of Prisma at run time), with
 * the database-side defaults the generator leaves to the database taken out.
 */
import type {
  Apprec,
  ApprecError,
  CodeListEntry,
  Endpoint,
  ExtensionRequest,
  Finding,
  Message,
  Municipality,
  MunicipalityRenumbering,
  Note,
  Season,
  ServiceCode,
} from '@/lib/db/generated/client';
import type { ContentSummary } from '@/lib/core/content-summary';

export type ReferenceSeason = Pick<
  Season,
  'id' | 'key' | 'kind' | 'periodStart' | 'periodEnd' | 'opensAt' | 'deadline'
>;

/** The reference data the stories are built on, as it stands in the database. */
export interface DemoReference {
  municipalities: readonly Pick<Municipality, 'number' | 'shortName' | 'countyNumber'>[];
  renumbering: readonly Pick<MunicipalityRenumbering, 'oldNumber' | 'newNumber' | 'validFrom'>[];
  serviceCodes: readonly Pick<ServiceCode, 'code' | 'name' | 'validFromYear' | 'validToYear' | 'welfareTechnology'>[];
  /** The general Apprec error list (code system 8221). */
  apprecErrorCodes: readonly Pick<CodeListEntry, 'code' | 'name'>[];
  seasons: readonly ReferenceSeason[];
  endpoints: readonly Pick<Endpoint, 'herId' | 'level' | 'environment'>[];
}

export interface DemoOptions {
  seed: number;
  /**
   * The story clock: nothing happens after it (messages not yet received, decisions not yet made
   * and resolutions still to come are left out). Default: noon in Oslo on 20 January after the
   * last season's period — for the 2024 and 2025 seasons 2026-01-20, a finished but messy season.
   */
  now?: Date;
  /**
   * The daily season's story clock (default: `now`): the launcher passes the real time, so the demo
   * shows the daily season from 1 January up to today while the annual stories stay as they were.
   */
  dailyNow?: Date;
  /** Annual seasons to add before the earliest one in the reference (e.g. 4 adds 2020–2023). */
  extraAnnualSeasons?: number;
  /** Add a daily-reporting season for the year after the last annual season, with a delivery every weekday. */
  dailyYear?: boolean;
  /**
   * The daily season at the benchmark's scale: every municipality starts on 1 January and its
   * nightly run goes every night, weekends too (357 × a year: ~130 000 deliveries, ~500 000 events
   * with their KPR_IDE and Apprecs), with the same pauses, rejections and troubles as the story.
   */
  dailyEveryNight?: boolean;
}

/** A season the generator adds (scale runs); the thresholds keep their database defaults. */
export type DemoSeason = Omit<
  Season,
  'apprecOverdueHours' | 'extensionAdviceWorkingDays' | 'extensionPendingAlertWorkingDays' | 'dailyRules'
>;
export type DemoMessage = Omit<Message, 'contentSummary'> & { contentSummary: ContentSummary };
export type DemoApprec = Apprec;
export type DemoApprecError = ApprecError;
export type DemoFinding = Finding;
export type DemoExtensionRequest = ExtensionRequest;
export type DemoNote = Note;

export interface DemoDataset {
  /** The story clock the dataset was cut at. */
  now: Date;
  /** Seasons to create before the rows below (only those not already in the reference). */
  seasons: DemoSeason[];
  messages: DemoMessage[];
  apprecs: DemoApprec[];
  apprecErrors: DemoApprecError[];
  findings: DemoFinding[];
  extensionRequests: DemoExtensionRequest[];
  notes: DemoNote[];
}
