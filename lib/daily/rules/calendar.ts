/**
 * A municipality's year as cells, one per day: the KPR_IPL lane (covered on time, late, rejected,
 * missing, not expected), the KPR_IDE and Apprec lanes of the deliveries covering the day, and the
 * test traffic apart. What the calendar and its table alternative show.
 */
import { dayStatuses, productionDeliveries, type DailyDelivery } from './coverage';
import { dayNumber, isExpectedDay, isoOfDay, osloDayOf } from './days';
import type { ApprecLaneStatus, DailyEvents, DailySeasonInput, DayCell, IdeLaneStatus } from './types';

export function dailyCalendar(season: DailySeasonInput, events: DailyEvents, asOf: Date): DayCell[] {
  const { rules } = season;
  const deliveries = productionDeliveries(events, season, rules);
  const statuses = dayStatuses(deliveries, season, rules, asOf);
  const start = dayNumber(season.periodStart);
  const end = dayNumber(season.periodEnd);
  const covering: DailyDelivery[][] = Array.from({ length: end - start + 1 }, () => []);
  for (const delivery of deliveries) {
    if (delivery.from === null || delivery.to === null) continue;
    for (let day = delivery.from; day <= delivery.to; day++) covering[day - start]!.push(delivery);
  }
  const tests = new Uint16Array(end - start + 1);
  for (const message of events.messages) {
    if (message.environment !== 'VALIDATION' || message.type !== 'KPR_IPL') continue;
    const from = message.periodFrom ? dayNumber(message.periodFrom) : osloDayOf(message.receivedAt);
    const to = message.periodTo ? dayNumber(message.periodTo) : from;
    for (let day = Math.max(from, start); day <= Math.min(to, end); day++) tests[day - start]!++;
  }
  const today = osloDayOf(asOf);
  return statuses.map((ipl, index) => {
    const day = start + index;
    const around = day > today ? [] : covering[index]!;
    return {
      date: isoOfDay(day),
      expected: isExpectedDay(day, rules),
      ipl,
      ide: ideLane(around),
      apprec: apprecLane(around),
      test: day > today ? 0 : tests[index]!,
    };
  });
}

/** The best of the deliveries covering a day decides its lanes: an accepted one over a rejected one. */
function best(deliveries: readonly DailyDelivery[]): DailyDelivery | undefined {
  return deliveries.find((delivery) => delivery.accepted) ?? deliveries.at(-1);
}

function ideLane(deliveries: readonly DailyDelivery[]): IdeLaneStatus {
  const delivery = best(deliveries);
  if (!delivery) return 'NONE';
  if (!delivery.ide) return 'MISSING';
  return delivery.ideApprec === 'REJECTED' ? 'REJECTED' : 'RECEIVED';
}

function apprecLane(deliveries: readonly DailyDelivery[]): ApprecLaneStatus {
  const delivery = best(deliveries);
  if (!delivery) return 'NONE';
  if (delivery.iplApprec === null) return 'AWAITING';
  return delivery.iplApprec === 'REJECTED' ? 'REJECTED' : 'OK';
}
