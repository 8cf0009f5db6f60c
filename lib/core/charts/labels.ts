/**
 * The words of the overview's charts: short legend names, the description under each chart (what a
 * legend name is too short to say), the table alternative and the names screen readers hear.
 */
export const CHART_WORDS = {
  legend: 'Tegnforklaring',
  asTable: 'Vis tallene som tabell',
  date: 'Dato',
  day: 'Dag',
  county: 'Fylke',
  /** The deadline's line in the delivery chart, named on the line itself. */
  deadline: 'Frist',
  progress: {
    title: 'Andel med godkjent levering',
    /** The legend's name of last season's curve (its season's key, e.g. "2024"). */
    previous: (key: string) => `I fjor (${key})`,
    label: (withPrevious: boolean) =>
      `Linjediagram: andel kommuner med godkjent levering per dag${withPrevious ? ', i år og i fjor på samme dag før fristen' : ''}. Tallene står i tabellen under.`,
    description: (season: string, previous: string | null) =>
      `Heltrukken blå linje: ${season}, andelen kommuner med godkjent levering ved utgangen av hver dag.${
        previous
          ? ` Stiplet grå linje med firkanter: ${previous}, på samme dag før fristen som i år (kurven er flyttet slik at fristene står på samme sted).`
          : ''
      } Den loddrette røde streken er fristen.`,
    caption: 'Andel kommuner med godkjent levering ved utgangen av hver dag',
    previousColumn: (name: string) => `${name} (samme dag før fristen)`,
  },
  byCounty: {
    title: 'Status per fylke',
    label: 'Stolpediagram: antall kommuner i hver status per fylke. Tallene står i tabellen under.',
    description:
      'Hver stolpe er ett fylke, delt i antall kommuner per status fra venstre mot høyre i samme rekkefølge som tegnforklaringen. Hver status har sin farge og sitt mønster, de samme som på kartet.',
    caption: 'Antall kommuner per status og fylke',
  },
  dailyRate: {
    title: 'Rapporteringsgrad gjennom året, hele landet',
    rate: 'Rapporteringsgrad',
    timely: 'Rettidighet',
    label: 'Andel kommuner som har dekket hver forventede dag, og andel i tide',
    description:
      'Heltrukken blå linje: rapporteringsgrad, andelen kommuner som har dekket hver forventede dag. Stiplet grå linje med firkanter: rettidighet, andelen som dekket dagen i tide.',
  },
} as const;
