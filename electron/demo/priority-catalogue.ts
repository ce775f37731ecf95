/**
 * What community plans in the demo are made of: the priorities northern communities commonly
 * set with their detachment, each with its actions (who owns them, when, with whom) and
 * indicators, plus the notes detachments and liaisons write about them each quarter.
 * Placeholders in notes: {n} and {m} small counts, {month}, {community}.
 */
import type { Quarter } from '../../shared/fiscal-calendar';
import type { CswbZone, IndicatorDirection, OwnerParty } from '../../shared/vocabulary';
import type { ThemeCode } from './territory';

/** Who leads an action: the detachment, the community liaison, the health centre, the school or the leader. */
export type LeadRole = 'police' | 'liaison' | 'health' | 'school' | 'leader';
/** Partner organisations by role; community ones are the community's own, the others territorial. */
export type PartnerRole = 'council' | 'health' | 'school' | 'justice_committee' | 'police' | 'victim_services' | 'housing' | 'territorial_health';

/** A line of text, or one that only fits some quarters (the ice road is not open in July). */
export type Seasonal = string | { q: Quarter[]; text: string };

/** The lines that fit a quarter; all unrestricted lines when none is specific to it. */
export function forQuarter(lines: readonly Seasonal[], quarter: Quarter): string[] {
  const fits = lines.filter((l) => typeof l === 'string' || l.q.includes(quarter)).map((l) => (typeof l === 'string' ? l : l.text));
  return fits.length > 0 ? fits : lines.filter((l) => typeof l === 'string');
}

export interface ActionTemplate {
  title: string;
  description: string;
  owner: OwnerParty;
  lead: LeadRole;
  partners: PartnerRole[];
  quarters: Quarter[];
  /** Commitment numbers the action contributes to. */
  commitments?: string[];
  /** Only for communities with (or without) a detachment of their own. */
  onlyWhen?: 'detachment' | 'no_detachment';
  notes: Seasonal[];
  nextSteps: string[];
}

export interface IndicatorTemplate {
  name: string;
  unit: string;
  baseline: readonly [number, number];
  /** The target as a factor of the baseline (rounded), or a fixed number. */
  target: { factor: number } | { fixed: number };
  direction: IndicatorDirection;
  source: string;
  max?: number;
}

export interface PriorityTemplate {
  key: string;
  title: string;
  description: string;
  themes: ThemeCode[];
  zone: CswbZone;
  /** How often communities choose it. */
  weight: number;
  actions: ActionTemplate[];
  indicators: IndicatorTemplate[];
}

const ALL: Quarter[] = [1, 2, 3, 4];

export const PRIORITY_CATALOGUE: readonly PriorityTemplate[] = [
  {
    key: 'drugs_alcohol',
    title: 'Reduce the harm caused by drugs, alcohol and bootlegging',
    description: 'Chief and council named bootlegging and drug dealing as the main source of harm in the community, especially around cheque days.',
    themes: ['drugs_alcohol', 'mental_health_addictions'],
    zone: 'prevention',
    weight: 10,
    actions: [
      {
        title: 'Targeted enforcement against bootlegging and drug trafficking',
        description: 'Work on information from the community; checks of incoming freight and charter flights with the airline’s cooperation.',
        owner: 'police',
        lead: 'police',
        partners: ['council'],
        quarters: ALL,
        notes: [
          '{n} bootlegging investigations opened this quarter; {m} led to charges under the Liquor Act.',
          'Freight checks at the airport with the airline in {month}; a quantity of liquor and about {n} grams of cocaine seized.',
          'Information from residents led to a search warrant in {month}. Charges are before the court.',
        ],
        nextSteps: ['Continue freight checks around cheque days.', 'Meet council in camera to share what we can about the investigations.'],
      },
      {
        title: 'Drug and alcohol awareness sessions for youth and parents',
        description: 'Sessions at the school and the community hall with the health centre, including what fentanyl is and how naloxone is used.',
        owner: 'joint',
        lead: 'police',
        partners: ['school', 'health'],
        quarters: [1, 3, 4],
        notes: [
          'Session on fentanyl and naloxone at the school in {month}; {n} students and {m} parents attended.',
          'Community health nurse and the detachment ran a naloxone training evening at the hall; {n} kits handed out.',
        ],
        nextSteps: ['Book the gym for the next session.', 'Ask the school for a slot at the parent-teacher evening.'],
      },
      {
        title: 'Referrals to on-the-land healing and treatment programs',
        description: 'The liaison and the health centre help people who want treatment find a place and travel.',
        owner: 'partner',
        lead: 'health',
        partners: ['health', 'territorial_health'],
        quarters: ALL,
        commitments: ['3.2.4'],
        notes: [
          '{n} people referred to treatment this quarter; {m} completed an on-the-land healing camp.',
          'The on-the-land camp ran for two weeks in {month} with elders from the community; {n} participants.',
        ],
        nextSteps: ['Confirm dates for the next camp with the band.', 'Follow up with the people waiting for a treatment bed.'],
      },
      {
        title: 'Share information on bootlegging safely with the detachment',
        description: 'A way for residents to pass on information without being seen: Crime Stoppers posters, the band office drop box.',
        owner: 'community',
        lead: 'liaison',
        partners: ['council', 'police'],
        quarters: [1, 2],
        notes: ['Crime Stoppers posters put up at the store, the post office and the band office.', 'The drop box at the band office received {n} tips this quarter.'],
        nextSteps: ['Announce the drop box on the community radio again.'],
      },
    ],
    indicators: [
      { name: 'Calls for service involving intoxication', unit: 'calls per quarter', baseline: [25, 90], target: { factor: 0.8 }, direction: 'decrease', source: 'Police records management system' },
      { name: 'Liquor and drug seizures', unit: 'seizures per quarter', baseline: [2, 8], target: { factor: 1.5 }, direction: 'increase', source: 'Police records management system' },
    ],
  },
  {
    key: 'impaired_driving',
    title: 'Stop impaired driving on roads, trails and the ice road',
    description: 'Impaired driving of trucks, ATVs and snowmobiles puts families at risk, especially in winter when the ice road is open.',
    themes: ['impaired_driving', 'traffic_safety'],
    zone: 'incident_response',
    weight: 7,
    actions: [
      {
        title: 'Check stops during holidays, community events and ice-road season',
        description: 'Roadside and trail check stops, announced on the radio before long weekends.',
        owner: 'police',
        lead: 'police',
        partners: [],
        quarters: [2, 3, 4],
        notes: [
          '{n} check stops held, including over the long weekend; {m} impaired drivers charged.',
          { q: [4], text: 'Check stops at the ice-road entrance in February; every driver was sober, which the community noticed.' },
        ],
        nextSteps: ['Plan check stops for the holiday season and the spring carnival.'],
      },
      {
        title: 'Safe ride home during community events',
        description: 'Volunteers drive people home from dances and the carnival; the band pays for fuel.',
        owner: 'community',
        lead: 'liaison',
        partners: ['council'],
        quarters: [3, 4],
        notes: ['Safe rides offered at the {month} dance; volunteers drove {n} people home.', 'Fuel for the safe-ride truck approved by council.'],
        nextSteps: ['Recruit two more volunteer drivers.'],
      },
      {
        title: 'Impaired driving presentations at the school',
        description: 'Students in grades 9 to 12, with a family member who lost someone to a crash if they are willing.',
        owner: 'joint',
        lead: 'police',
        partners: ['school'],
        quarters: [3, 4],
        notes: ['Presentation to grades 9 to 12 in {month}; {n}0 students.', 'Students made posters for the safe-ride campaign after the presentation.'],
        nextSteps: ['Repeat before graduation.'],
      },
    ],
    indicators: [
      { name: 'Impaired driving charges', unit: 'charges per quarter', baseline: [2, 10], target: { factor: 0.6 }, direction: 'decrease', source: 'Police records management system' },
      { name: 'Check stops held', unit: 'check stops per quarter', baseline: [1, 4], target: { fixed: 6 }, direction: 'increase', source: 'Detachment activity log' },
    ],
  },
  {
    key: 'youth',
    title: 'Youth engagement and involvement in community life',
    description: 'Young people need safe places and things to do in the evenings; council wants members to know them by name.',
    themes: ['youth', 'community_involvement'],
    zone: 'social_development',
    weight: 9,
    actions: [
      {
        title: 'Members take part in youth drop-in and sports nights',
        description: 'Floor hockey, basketball and the drop-in centre, at least twice a month.',
        owner: 'police',
        lead: 'police',
        partners: ['school'],
        quarters: ALL,
        notes: ['Members attended {n} drop-in evenings and coached floor hockey on Thursdays.', 'Basketball night every second week; about {n} youth each time.'],
        nextSteps: ['Keep the schedule posted at the school.', 'Ask the recreation coordinator about summer evenings.'],
      },
      {
        title: 'Summer on-the-land program with elders',
        description: 'Two weeks at the fish camp with elders: traditional skills, language, safety on the land.',
        owner: 'community',
        lead: 'liaison',
        partners: ['council', 'justice_committee'],
        quarters: [1, 2],
        notes: [
          { q: [1], text: 'Program funded for two weeks in August; {m} elders have agreed to teach and {n} youth signed up.' },
          { q: [2], text: '{n} youth took part in the fish camp in August; elders taught net setting and drying fish.' },
        ],
        nextSteps: ['Apply for next year’s funding before the deadline.'],
      },
      {
        title: 'Youth advisory group meets the detachment and council',
        description: 'Young people bring their ideas to council and the detachment every quarter.',
        owner: 'joint',
        lead: 'leader',
        partners: ['council', 'police'],
        quarters: ALL,
        commitments: ['4.4.2'],
        notes: ['The youth advisory group met council in {month}; {n} youth came and asked for a skate park.', 'Youth asked for more patrols near the arena at night; the detachment agreed.'],
        nextSteps: ['Report back to the youth on what council decided.'],
      },
      {
        title: 'Refer first-time youth offenders to the community justice committee',
        description: 'Extrajudicial measures and diversion to the committee instead of court, where the law allows.',
        owner: 'joint',
        lead: 'liaison',
        partners: ['justice_committee', 'police'],
        quarters: ALL,
        commitments: ['CSWB-1'],
        notes: ['{n} youth diverted to the justice committee; all completed their agreements.', 'Committee held {n} circles this quarter.'],
        nextSteps: ['Train two new committee members.'],
      },
    ],
    indicators: [
      { name: 'Youth events with police participation', unit: 'events per quarter', baseline: [2, 6], target: { fixed: 10 }, direction: 'increase', source: 'Detachment activity log' },
      { name: 'Youth diverted to the justice committee', unit: 'youth per quarter', baseline: [0, 3], target: { fixed: 4 }, direction: 'increase', source: 'Community justice committee' },
    ],
  },
  {
    key: 'family_violence',
    title: 'Reduce family violence and support those affected',
    description: 'Family violence calls are the most serious calls the detachment answers; victims need support right away and afterwards.',
    themes: ['family_violence', 'vulnerable_persons'],
    zone: 'risk_intervention',
    weight: 8,
    actions: [
      {
        title: 'Refer every family violence victim to victim services',
        description: 'Members offer a referral at every call; victim services follows up within two days.',
        owner: 'joint',
        lead: 'police',
        partners: ['victim_services'],
        quarters: ALL,
        notes: ['{n} referrals to victim services this quarter; every victim was offered one.', 'Victim services visited in {month} and met {n} clients in person.'],
        nextSteps: ['Review referrals with victim services at the next visit.'],
      },
      {
        title: 'Emergency protection order awareness',
        description: 'Explain emergency protection orders at the health centre, the band office and on the radio.',
        owner: 'partner',
        lead: 'health',
        partners: ['victim_services', 'health'],
        quarters: [2, 3],
        notes: ['Radio spot on emergency protection orders aired in {month}.', 'Pamphlets in English and the local language at the health centre.'],
        nextSteps: ['Translate the pamphlet into the local language.'],
      },
      {
        title: "Men's healing group",
        description: 'A weekly group with an elder and a counsellor for men who want to change.',
        owner: 'community',
        lead: 'liaison',
        partners: ['health', 'council'],
        quarters: ALL,
        notes: ['The group met {n} times; between {m} and 8 men each week.', 'A counsellor from the region joined two sessions in {month}.'],
        nextSteps: ['Find a second facilitator for when the elder is away.'],
      },
      {
        title: 'Safe home network for women and children',
        description: 'Trusted homes where women and children can stay until transport to a shelter is arranged.',
        owner: 'community',
        lead: 'liaison',
        partners: ['housing', 'victim_services'],
        quarters: [1, 2, 3],
        notes: ['{n} safe homes identified and trained.', 'The safe home network was used {n} times this quarter.'],
        nextSteps: ['Ask the housing corporation for an emergency unit.'],
      },
    ],
    indicators: [
      { name: 'Family violence calls for service', unit: 'calls per quarter', baseline: [6, 30], target: { factor: 0.85 }, direction: 'decrease', source: 'Police records management system' },
      { name: 'Referrals to victim services', unit: 'referrals per quarter', baseline: [2, 12], target: { factor: 1.5 }, direction: 'increase', source: 'Territorial Victim Services' },
    ],
  },
  {
    key: 'property_crime',
    title: 'Prevent break-ins and property crime',
    description: 'Break-ins at the store, the school and homes while families are out on the land.',
    themes: ['property_crime'],
    zone: 'prevention',
    weight: 5,
    actions: [
      {
        title: 'Night patrols of the school, store and fuel tanks',
        description: 'Patrols between midnight and 4 a.m., more often on weekends.',
        owner: 'police',
        lead: 'police',
        partners: [],
        quarters: ALL,
        notes: ['Night patrols on {n} nights; no break-ins at the store this quarter.', 'Two youth found inside the school in {month}; referred to the justice committee.'],
        nextSteps: ['Keep weekend patrols through the holidays.'],
      },
      {
        title: 'Lock and property-marking program with housing',
        description: 'New locks on public housing units and marking of tools, outboard motors and snowmobiles.',
        owner: 'partner',
        lead: 'liaison',
        partners: ['housing'],
        quarters: [2, 3],
        notes: ['{n} homes got new locks from the housing corporation.', 'Property-marking day at the hall; {n} items marked.'],
        nextSteps: ['List the remaining units for the housing maintainer.'],
      },
      {
        title: 'Community watch when families are out on the land',
        description: 'Neighbours keep an eye on empty houses during spring and fall hunts.',
        owner: 'community',
        lead: 'leader',
        partners: ['council'],
        quarters: [1, 3],
        notes: [
          { q: [1], text: 'Community watch ran during the spring goose hunt; {n} volunteers.' },
          { q: [3], text: 'Volunteers checked empty homes in October during the fall hunt.' },
        ],
        nextSteps: ['Thank the volunteers at the community feast.'],
      },
    ],
    indicators: [{ name: 'Break and enter reports', unit: 'reports per quarter', baseline: [3, 15], target: { factor: 0.7 }, direction: 'decrease', source: 'Police records management system' }],
  },
  {
    key: 'visibility',
    title: 'Police visibility and relationships with the community',
    description: 'People want to know the members and see them outside of calls; council wants regular meetings with the detachment.',
    themes: ['visibility_engagement', 'community_involvement'],
    zone: 'social_development',
    weight: 8,
    actions: [
      {
        title: 'Quarterly meetings of chief and council with the detachment',
        description: 'Review this plan together every quarter; the commander reports on calls and on the actions.',
        owner: 'joint',
        lead: 'leader',
        partners: ['council', 'police'],
        quarters: ALL,
        commitments: ['4.4.2'],
        notes: ['Met chief and council in {month}; reviewed this plan and the calls for service.', 'Council meeting in {month}: the commander presented the quarterly report.'],
        nextSteps: ['Set the date of the next meeting with council.'],
      },
      {
        title: 'Foot patrols and visits to the elders’ centre and the school',
        description: 'Members walk the community and drop in at the elders’ centre and the school every week.',
        onlyWhen: 'detachment',
        owner: 'police',
        lead: 'police',
        partners: ['school'],
        quarters: ALL,
        commitments: ['4.4.1'],
        notes: ['{n} foot patrols; members had lunch at the elders’ centre twice.', 'Members read to the kindergarten class in {month}.'],
        nextSteps: ['Keep the weekly visits when new members arrive.'],
      },
      {
        title: 'Scheduled visits to the community by the serving detachment',
        description: 'Members of the serving detachment fly or drive in on a set schedule and stay overnight.',
        onlyWhen: 'no_detachment',
        owner: 'police',
        lead: 'police',
        partners: ['council'],
        quarters: ALL,
        commitments: ['4.4.1'],
        notes: ['Members spent {n} days in the community this quarter over {m} visits.', 'One visit in {month} cancelled for weather; rescheduled the next week.'],
        nextSteps: ['Share the visit calendar with the band office.'],
      },
      {
        title: 'Meet-your-detachment open house and community feast',
        description: 'An evening at the hall with the members, their families and the community.',
        owner: 'joint',
        lead: 'police',
        partners: ['council'],
        quarters: [2, 4],
        notes: ['Open house held in {month}; about {n}0 people came for the feast.', 'Members cooked for the community feast with the band.'],
        nextSteps: ['Plan the next one with the recreation coordinator.'],
      },
    ],
    indicators: [
      { name: 'Meetings with chief and council', unit: 'meetings per quarter', baseline: [0, 1], target: { fixed: 1 }, direction: 'increase', source: 'Council minutes' },
      { name: 'Days members spent in the community outside calls', unit: 'days per quarter', baseline: [3, 12], target: { factor: 1.5 }, direction: 'increase', source: 'Detachment activity log' },
    ],
  },
  {
    key: 'mental_health',
    title: 'Mental health and addictions: respond together',
    description: 'Many calls are about people in crisis; the detachment cannot answer them alone.',
    themes: ['mental_health_addictions', 'vulnerable_persons'],
    zone: 'risk_intervention',
    weight: 6,
    actions: [
      {
        title: 'Joint wellness checks with the community health nurse',
        description: 'Members and the nurse attend together when someone is at risk, when staffing allows.',
        owner: 'joint',
        lead: 'health',
        partners: ['health'],
        quarters: ALL,
        notes: ['{n} joint wellness checks this quarter.', 'Nurse and members attended together {n} times; two people flown out for care.'],
        nextSteps: ['Agree on an after-hours contact at the health centre.'],
      },
      {
        title: 'Situation table for people at acute risk',
        description: 'Police, health, social services, school and band meet monthly about people at acute elevated risk.',
        owner: 'partner',
        lead: 'health',
        partners: ['health', 'school', 'council', 'territorial_health'],
        quarters: ALL,
        commitments: ['3.2.4'],
        notes: ['The situation table met {n} times and opened {m} situations.', 'Situation table met in {month}; all situations closed with services in place.'],
        nextSteps: ['Invite the housing corporation to the table.'],
      },
      {
        title: 'Crisis line and mental health first aid training',
        description: 'Training for front-line staff in the community: band office, school, store.',
        owner: 'partner',
        lead: 'health',
        partners: ['territorial_health'],
        quarters: [2, 3],
        notes: ['{n} people completed mental health first aid in {month}.'],
        nextSteps: ['Offer a second course in the spring.'],
      },
    ],
    indicators: [
      { name: 'Mental Health Act apprehensions', unit: 'per quarter', baseline: [2, 12], target: { factor: 0.8 }, direction: 'decrease', source: 'Police records management system' },
      { name: 'Referrals to counselling and treatment', unit: 'referrals per quarter', baseline: [2, 10], target: { factor: 1.4 }, direction: 'increase', source: 'Health centre' },
    ],
  },
  {
    key: 'vulnerable_persons',
    title: 'Keep elders and vulnerable persons safe',
    description: 'Elders living alone, financial abuse on cheque days and scams by phone.',
    themes: ['vulnerable_persons'],
    zone: 'prevention',
    weight: 4,
    actions: [
      {
        title: 'Elder abuse and fraud awareness sessions',
        description: 'At the elders’ centre, with interpretation.',
        owner: 'joint',
        lead: 'police',
        partners: ['council'],
        quarters: [2, 4],
        notes: ['Session at the elders’ centre in {month} with an interpreter; {n} elders attended.', 'Warned elders about a phone scam going around the region.'],
        nextSteps: ['Repeat the session in the spring.'],
      },
      {
        title: 'Winter check-ins with elders living alone',
        description: 'Volunteers and the home care worker visit elders during cold snaps and power outages.',
        owner: 'community',
        lead: 'liaison',
        partners: ['health'],
        quarters: [3, 4],
        notes: ['{n} elders checked on during the cold snap in {month}.', 'Home care and volunteers visited every elder living alone during the power outage.'],
        nextSteps: ['Update the list of elders living alone.'],
      },
    ],
    indicators: [{ name: 'Elders contacted during check-ins', unit: 'elders per quarter', baseline: [5, 20], target: { factor: 1.3 }, direction: 'increase', source: 'Band office' }],
  },
  {
    key: 'traffic_safety',
    title: 'ATV, snowmobile and road safety',
    description: 'Children riding ATVs without helmets and speeding on the main road near the school.',
    themes: ['traffic_safety', 'youth'],
    zone: 'prevention',
    weight: 4,
    actions: [
      {
        title: 'Helmet and ATV safety campaign with the school',
        description: 'Helmet fittings, a safety course and a draw for helmets donated by the band.',
        owner: 'joint',
        lead: 'school',
        partners: ['school', 'council'],
        quarters: [1, 2],
        notes: ['{n} helmets fitted and given out at the school in {month}.', 'ATV safety course for {n} youth.'],
        nextSteps: ['Ask the band for more helmets for next spring.'],
      },
      {
        title: 'Speed enforcement in the school zone',
        description: 'Radar in the school zone at the start and end of the school day.',
        owner: 'police',
        lead: 'police',
        partners: [],
        quarters: [1, 3, 4],
        notes: ['Radar in the school zone on {n} mornings; {m} tickets issued.', 'Warnings rather than tickets in the first week after the new school zone signs went up.'],
        nextSteps: ['Ask the hamlet for new school zone signs.'],
      },
    ],
    indicators: [{ name: 'Youth seen riding with a helmet', unit: 'percent', baseline: [15, 45], target: { fixed: 75 }, direction: 'increase', source: 'Detachment observation counts', max: 100 }],
  },
  {
    key: 'justice_committee',
    title: 'Restorative justice through the community justice committee',
    description: 'Resolve minor offences in the community, with elders, rather than in court far away.',
    themes: ['community_involvement', 'youth'],
    zone: 'risk_intervention',
    weight: 4,
    actions: [
      {
        title: 'Pre-charge referrals to the community justice committee',
        description: 'Members refer eligible adults and youth before charges are laid.',
        owner: 'police',
        lead: 'police',
        partners: ['justice_committee'],
        quarters: ALL,
        commitments: ['CSWB-1'],
        notes: ['{n} pre-charge referrals to the committee this quarter.', 'Committee completed {n} files; one returned to the detachment.'],
        nextSteps: ['Review the referral form with the committee.'],
      },
      {
        title: 'Train new justice committee members',
        description: 'Restorative justice training for new members, with the territorial Justice department.',
        owner: 'partner',
        lead: 'liaison',
        partners: ['justice_committee'],
        quarters: [2, 3],
        notes: ['{n} new members completed restorative justice training in {month}.'],
        nextSteps: ['Plan a refresher for the elders on the committee.'],
      },
    ],
    indicators: [{ name: 'Files resolved by the justice committee', unit: 'files per quarter', baseline: [0, 4], target: { fixed: 5 }, direction: 'increase', source: 'Community justice committee' }],
  },
];

/** Why an action is at risk or delayed: the realities of small northern communities. */
export const SETBACKS: readonly Seasonal[] = [
  'Only one member was at the detachment for most of {month}; the other position was vacant.',
  'Two visits were cancelled when the charter could not land in bad weather.',
  { q: [1], text: 'Break-up made travel on the river unsafe for most of May.' },
  'The school gym was closed for repairs, so sessions were postponed.',
  'The liaison position at the band office was vacant for six weeks.',
  'Funding from the partner was confirmed late, so the work started late.',
  'A death in the community; council asked that events be postponed.',
  { q: [3, 4], text: 'The ice road opened late because of warm weather.' },
  { q: [2], text: 'Evacuation for wildfire smoke took most of {month}; everything was put on hold.' },
  'The health centre was short of nurses and could not take part this quarter.',
];

export const NOT_STARTED: readonly Seasonal[] = [
  'Planned for later in the year; not started yet.',
  { q: [1, 2], text: 'Waiting for the new school year before starting.' },
  'Not started: waiting for the partner to confirm dates.',
];

export const DISCONTINUED = [
  'Chief and council agreed at the {month} meeting to stop this action and put the effort into the others under this priority.',
  'Stopped: the partner program ended and there is no replacement this year.',
] as const;
