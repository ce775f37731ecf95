/**
 * The demo territory: 33 northern communities (Northwest Territories style) in five regions,
 * the detachments that serve them (14 communities have no detachment of their own), the theme
 * list and the mandate commitments plans are linked to. Names are the communities' own spelling.
 */
import { STANDARD_THEMES } from '../../shared/standard-themes';

export const REGIONS = ['Beaufort Delta', 'Sahtu', 'Dehcho', 'South Slave', 'North Slave'] as const;
export type Region = (typeof REGIONS)[number];

/** The regions' French names. */
export const REGION_NAMES_FR: Record<Region, string> = {
  'Beaufort Delta': 'Beaufort-Delta',
  Sahtu: 'Sahtu',
  Dehcho: 'Dehcho',
  'South Slave': 'Slave Sud',
  'North Slave': 'Slave Nord',
};

/**
 * Other names communities are known by: former names, English names and names in the Indigenous
 * language of the place. Only names we are sure of; the others have none.
 */
export const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries({
    'Behchokǫ̀': ['Rae-Edzo', 'Rae'],
    "K'átł'odeeche": ['Hay River Reserve'],
    'Délı̨nę': ['Fort Franklin'],
    'Gamètì': ['Rae Lakes'],
    'Wekweètì': ['Snare Lake'],
    'Whatì': ['Lac La Martre'],
    "Łutselk'e": ['Snowdrift'],
    Tsiigehtchic: ['Arctic Red River'],
    Ulukhaktok: ['Holman'],
    "Sambaa K'e": ['Trout Lake'],
    'Fort Smith': ['Thebacha'],
    'Fort Good Hope': ['Rádeyı̨lı̨kóé'],
    'Fort Resolution': ['Deninu Kųę́'],
    'Fort Simpson': ['Łíídlı̨ Kų́ę́'],
    'Fort Providence': ['Zhahti Kų́ę́'],
    'Sachs Harbour': ['Ikaahuk'],
    Yellowknife: ['Sǫmbak’è'],
  }).map(([name, others]) => [name.normalize('NFC'), others.map((o) => o.normalize('NFC'))]),
);

export interface DemoCommunity {
  name: string;
  region: Region;
  /** True when the community has its own detachment; otherwise `servedBy` names the neighbour. */
  ownDetachment: boolean;
  servedBy?: string;
  /** Whom the community signs with: a chief (First Nation) or a mayor (hamlet, village, town, city). */
  leader: 'Chief' | 'Mayor';
  /** Former, English or Indigenous names it is also known by. */
  otherNames: readonly string[];
}

/**
 * Each region's communities, in order. A community without a detachment of its own names the
 * neighbour whose detachment serves it after a ">".
 */
const COMMUNITIES_BY_REGION: Record<Region, readonly string[]> = {
  'Beaufort Delta': ['Aklavik', 'Fort McPherson', 'Inuvik', 'Paulatuk > Inuvik', 'Sachs Harbour > Inuvik', 'Tsiigehtchic > Fort McPherson', 'Tuktoyaktuk', 'Ulukhaktok'],
  Sahtu: ['Colville Lake > Fort Good Hope', 'Délı̨nę', 'Fort Good Hope', 'Norman Wells'],
  Dehcho: ['Fort Liard', 'Fort Providence', 'Fort Simpson', 'Jean Marie River > Fort Simpson', 'Kakisa > Fort Providence', 'Nahanni Butte > Fort Liard', "Sambaa K'e > Fort Simpson", 'Wrigley > Fort Simpson'],
  'South Slave': ['Enterprise > Hay River', 'Fort Resolution', 'Fort Smith', 'Hay River', "K'átł'odeeche > Hay River"],
  'North Slave': ['Behchokǫ̀', 'Dettah > Yellowknife', 'Gamètì', "Łutselk'e", "N'dilo > Yellowknife", 'Wekweètì > Behchokǫ̀', 'Whatì', 'Yellowknife'],
};

/** The First Nations, which sign with their chief; the other communities sign with their mayor. */
const LED_BY_CHIEF = new Set(
  [
    'Tsiigehtchic', 'Colville Lake', 'Délı̨nę', 'Fort Good Hope', 'Fort Liard', 'Fort Providence', 'Jean Marie River', 'Kakisa', 'Nahanni Butte', "Sambaa K'e", 'Wrigley',
    'Fort Resolution', "K'átł'odeeche", 'Behchokǫ̀', 'Dettah', 'Gamètì', "Łutselk'e", "N'dilo", 'Wekweètì', 'Whatì',
  ].map((name) => name.normalize('NFC')),
);

function community(entry: string, region: Region): DemoCommunity {
  const [name = '', servedBy] = entry.split(' > ').map((part) => part.normalize('NFC'));
  return {
    name,
    region,
    leader: LED_BY_CHIEF.has(name) ? 'Chief' : 'Mayor',
    otherNames: OTHER_NAMES[name] ?? [],
    ownDetachment: servedBy === undefined,
    ...(servedBy === undefined ? {} : { servedBy }),
  };
}

export const COMMUNITIES: readonly DemoCommunity[] = REGIONS.flatMap((region) => COMMUNITIES_BY_REGION[region].map((entry) => community(entry, region)));

/** A stable ASCII key for a name: "Délı̨nę" → "deline", "K'átł'odeeche" → "katlodeeche". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Larger detachments are led by a sergeant, the others by a corporal. */
export const SERGEANT_DETACHMENTS = new Set(['Inuvik', 'Hay River', 'Fort Smith', 'Fort Simpson', 'Yellowknife', 'Behchokǫ̀'.normalize('NFC'), 'Norman Wells']);

/** The demo uses the standard theme list offered to every new territory. */
export const THEMES = STANDARD_THEMES;
export type ThemeCode = (typeof THEMES)[number]['code'];

export interface DemoCommitment {
  kind: 'commitment' | 'initiative';
  number: string;
  title: string;
  titleFr: string;
  leadDepartment: string;
  priorityArea: string;
  status: 'completed' | 'underway_on_track' | 'underway_with_challenges' | 'not_being_pursued';
  related: string[];
  /** Milestones; `due` is 'first' (end of the first demo year) or 'current' (end of the current one). */
  milestones: Array<{ key: string; title: string; titleFr: string; due: 'first' | 'current'; status: 'pending' | 'achieved' | 'missed' }>;
}

/** The plan commitment every community plan answers to. */
export const PLAN_COMMITMENT = '4.4.2';

export const COMMITMENTS: readonly DemoCommitment[] = [
  {
    kind: 'commitment',
    number: '4.4.2',
    title: "Support the police and communities to develop policing action plans in each community according to each community's priorities",
    titleFr: 'Aider la police et les collectivités à élaborer un plan d’action en matière de services policiers dans chaque collectivité, selon les priorités de chacune',
    leadDepartment: 'Justice',
    priorityArea: 'Safe and healthy communities',
    status: 'underway_on_track',
    related: ['4.4.1'],
    milestones: [
      { key: 'guide', title: 'Planning guide and plan template shared with every detachment and community', titleFr: 'Guide de planification et modèle de plan remis à chaque détachement et à chaque collectivité', due: 'first', status: 'achieved' },
      { key: 'every-community', title: 'A policing priorities action plan for every community, every year', titleFr: 'Un plan d’action sur les priorités policières pour chaque collectivité, chaque année', due: 'current', status: 'pending' },
    ],
  },
  {
    kind: 'commitment',
    number: '4.4.1',
    title: 'Work with the police to increase police visibility and engagement in small and fly-in communities',
    titleFr: 'Collaborer avec la police pour accroître sa visibilité et sa présence dans les petites collectivités et celles accessibles par avion',
    leadDepartment: 'Justice',
    priorityArea: 'Safe and healthy communities',
    status: 'underway_with_challenges',
    related: ['4.4.2'],
    milestones: [{ key: 'visits', title: 'Regular scheduled police visits to every community without a detachment', titleFr: 'Visites policières régulières et planifiées dans chaque collectivité sans détachement', due: 'current', status: 'pending' }],
  },
  {
    kind: 'commitment',
    number: '3.2.4',
    title: 'Expand access to addictions treatment and aftercare close to home, including on-the-land healing',
    titleFr: 'Élargir l’accès au traitement des dépendances et au suivi près de chez soi, y compris la guérison sur le territoire',
    leadDepartment: 'Health and Social Services',
    priorityArea: 'Healthy people',
    status: 'underway_on_track',
    related: [],
    milestones: [{ key: 'fund', title: 'On-the-land healing fund open to every region', titleFr: 'Fonds de guérison sur le territoire ouvert à toutes les régions', due: 'first', status: 'achieved' }],
  },
  {
    kind: 'initiative',
    number: 'CSWB-1',
    title: 'Community safety and well-being planning: restorative justice and youth diversion through community justice committees',
    titleFr: 'Planification de la sécurité et du bien-être communautaires\u00a0: justice réparatrice et déjudiciarisation des jeunes par les comités de justice communautaire',
    leadDepartment: 'Justice',
    priorityArea: 'Safe and healthy communities',
    status: 'underway_on_track',
    related: ['4.4.2'],
    milestones: [],
  },
];

/** Organisations working across the territory (no community of their own). */
export const TERRITORIAL_ORGANISATIONS = [
  { key: 'justice', name: 'Department of Justice — Community Justice and Policing', kind: 'justice' },
  { key: 'victim_services', name: 'Territorial Victim Services', kind: 'victim_services' },
  { key: 'health', name: 'Territorial Health and Social Services Authority', kind: 'health' },
  { key: 'housing', name: 'Territorial Housing Corporation', kind: 'housing' },
] as const;
