/**
 * Enrollment categories (DESIGN section 11). Kept as data so CBP can add one; the identifiers
 * each category is expected to hold are listed with it and drive account-info validation.
 */
export const CATEGORIES = [
  { id: 'importer', name: 'U.S. importer of record', added: 2002, identifiers: ['iorNumber', 'ein'] },
  { id: 'highway-carrier-us-canada', name: 'U.S./Canada highway carrier', added: 2002, identifiers: ['scac'] },
  { id: 'highway-carrier-us-mexico', name: 'U.S./Mexico highway carrier', added: 2002, identifiers: ['scac'] },
  { id: 'rail-carrier', name: 'Rail carrier', added: 2002, identifiers: ['scac'] },
  { id: 'sea-carrier', name: 'Sea carrier', added: 2002, identifiers: ['scac'] },
  { id: 'air-carrier', name: 'Air carrier', added: 2002, identifiers: ['iataCode'] },
  {
    id: 'port-authority-terminal-operator',
    name: 'U.S. marine port authority and terminal operator',
    added: 2002,
    identifiers: ['ein'],
  },
  {
    id: 'air-freight-consolidator-oti-nvocc',
    name: 'Air freight consolidator, ocean transport intermediary or NVOCC',
    added: 2002,
    identifiers: ['fmcLicense'],
  },
  { id: 'mexican-manufacturer', name: 'Mexican manufacturer', added: 2002, identifiers: ['mid'] },
  { id: 'foreign-manufacturer', name: 'Certain invited foreign manufacturer', added: 2002, identifiers: ['mid'] },
  { id: 'customs-broker', name: 'Licensed U.S. customs broker', added: 2002, identifiers: ['filerCode'] },
  { id: 'mexican-long-haul-carrier', name: 'Mexican long-haul highway carrier', added: 2007, identifiers: ['scac'] },
  { id: 'third-party-logistics', name: 'Third-party logistics provider', added: 2009, identifiers: ['ein'] },
  { id: 'exporter', name: 'Exporter', added: 2014, identifiers: ['ein'] },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];
