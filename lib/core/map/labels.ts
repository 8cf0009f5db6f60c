/** The words of the map of Norway (its legend, its table alternative, the county choice and the data's attribution). */
export const MAP_WORDS = {
  /** Kartverket's licence (CC BY 4.0) asks for this wherever the map is shown. */
  attribution: 'Kartdata: © Kartverket (CC BY 4.0)',
  legend: 'Tegnforklaring',
  /** A link before the map's many municipality links, for those who move by keyboard. */
  skip: 'Hopp over kartet',
  asTable: 'Vis kartet som tabell',
  tableClass: 'Klasse',
  tableCount: 'Antall kommuner',
  tableMunicipalities: 'Kommuner',
  /** Where the overview's table lists a large class's municipalities. */
  inTable: (count: string) => `Se alle ${count} i tabellen`,
  wholeCountry: 'Hele landet',
  countyChoice: 'Vis fylke på kartet',
  /** A municipality the filters leave out. */
  notSelected: 'Ikke med i utvalget',
  /** On a contact's map: the municipalities they do not serve, drawn without their state. */
  otherMunicipalities: 'Andre kommuner (uten status)',
  /** On a contact's map: their own municipalities are outlined. */
  yours: 'Din kommune',
  mapOf: (place: string) => `Kart over ${place}`,
  title: 'Kart',
  ownPage: 'Åpne kartet på egen side',
  byState:
    'Kommunene farget etter status, med et eget mønster for hver status. Hver kommune er en lenke til siden sin, og filtrene over tabellen gjelder også kartet.',
  byRateBand:
    'Kommunene farget etter rapporteringsgraden de siste 7 dagene, med et eget mønster for hver gruppe. Hver kommune er en lenke til kalenderen sin, og filtrene over tabellen gjelder også kartet.',
  contactByState:
    'Kommunene dine farget etter status og med tykk kant; de andre kommunene vises uten status. Trykk på en kommune for å åpne siden dens.',
  contactByRateBand:
    'Kommunene dine farget etter rapporteringsgraden de siste 7 dagene og med tykk kant; de andre kommunene vises uten status. Trykk på en kommune for å åpne kalenderen dens.',
} as const;
