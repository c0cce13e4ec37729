// The real organisations of the North West campaign, used by the seed, the demo and benchmarks.
import type { OrganisationKind } from './generated/enums';

export interface OrganisationSeed {
  slug: string;
  name: string;
  kind: OrganisationKind;
  area: string;
  /** Welsh and English (issue 13): ["cy", "en"] for a body bound by the Welsh Language Standards. */
  languages?: string[];
  nameCy?: string;
  areaCy?: string;
}

export const FORCES: readonly OrganisationSeed[] = [
  { slug: 'lancashire', name: 'Lancashire Constabulary', kind: 'force', area: 'Lancashire' },
  { slug: 'merseyside', name: 'Merseyside Police', kind: 'force', area: 'Merseyside' },
  {
    slug: 'greater-manchester',
    name: 'Greater Manchester Police',
    kind: 'force',
    area: 'Greater Manchester',
  },
  { slug: 'cheshire', name: 'Cheshire Constabulary', kind: 'force', area: 'Cheshire' },
  { slug: 'cumbria', name: 'Cumbria Constabulary', kind: 'force', area: 'Cumbria' },
  {
    slug: 'north-wales',
    name: 'North Wales Police',
    kind: 'force',
    area: 'North Wales',
    languages: ['cy', 'en'],
    nameCy: 'Heddlu Gogledd Cymru',
    areaCy: 'Gogledd Cymru',
  },
];

export const REGIONAL_UNIT: OrganisationSeed = {
  slug: 'nw-rocu',
  name: 'North West Regional Organised Crime Unit',
  kind: 'regional_unit',
  area: 'the North West',
};

export const PARTNERS: readonly OrganisationSeed[] = [
  {
    slug: 'lancashire-county-council',
    name: 'Lancashire County Council',
    kind: 'partner',
    area: 'Lancashire',
  },
  {
    slug: 'manchester-city-council',
    name: 'Manchester City Council',
    kind: 'partner',
    area: 'Manchester',
  },
  {
    slug: 'cheshire-east-council',
    name: 'Cheshire East Council',
    kind: 'partner',
    area: 'Cheshire East',
  },
];

export const ORGANISATIONS: readonly OrganisationSeed[] = [...FORCES, REGIONAL_UNIT, ...PARTNERS];
