/**
 * The daily capability's door for server code: the seasons and the current one, the daily overview
 * of the municipalities in the actor's scope and one municipality's daily state and calendar, each
 * at `asOf`. Pure faces (coverage, state, rates, calendar) are in rules/.
 */
import 'server-only';

export {
  findCurrentSeason,
  getDailyMunicipality,
  getDailyOverview,
  isDailySeason,
  listSeasons,
  readDailySeasonEvents,
  type DailyMunicipalityDetail,
  type SeasonOption,
} from './data';
