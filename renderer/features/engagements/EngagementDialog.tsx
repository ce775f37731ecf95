/**
 * Records an engagement of a community, or changes one (issue 14 §1): date, kind, summary,
 * outcomes, follow-ups, who took part (people and organisations of the community or the whole
 * territory, and others by name) and the priorities and actions of the community's plans it
 * shaped (the plan of the date's fiscal year, and of the next: a workshop in February sets next
 * year's priorities). Unsaved changes are asked about before closing (FormDialog).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Engagement, Plan } from '../../../shared/domain';
import { ENGAGEMENT_KINDS, type EngagementKind } from '../../../shared/engagements';
import { fiscalYearOf } from '../../../shared/fiscal-calendar';
import { useChanged } from '../../app/unsaved-edits';
import { useCall } from '../../app/store-context';
import { checkIsoDate, DateField } from '../../components/DateField';
import { CheckboxGroup, MAX_LONG_TEXT, TextArea } from '../../components/Field';
import { FormDialog, RequiredChoice, filled, requiredError } from '../../components/FormDialog';
import { useFormat } from '../../i18n/format';
import { todayIso } from '../../app/today';
import { useEngagementCommands } from './engagement-commands';

export interface EngagementDialogProps {
  community: { id: string; name: string };
  engagement?: Engagement;
  onClose: () => void;
  /**
   * The evidence files of this engagement (issue 14 §3): EngagementScreen mounts the AttachmentsPanel here.
   * Shown only for an engagement already recorded (a new one has no id to attach to yet).
   */
  attachments?: (engagement: Engagement) => ReactNode;
}

/** The plans of the date's fiscal year and the next, as loaded (absent ones left out). */
function usePlansAround(communityId: string, date: string): Plan[] {
  const year = checkIsoDate(date) === 'ok' ? fiscalYearOf(date) : null;
  const plans = useCall('plans:list', { communityId });
  const ids = (plans.data ?? []).filter((p) => year !== null && (p.fiscalYear === year || p.fiscalYear === year + 1)).map((p) => p.id);
  const first = useCall('plans:get', ids[0] ? { planId: ids[0] } : null);
  const second = useCall('plans:get', ids[1] ? { planId: ids[1] } : null);
  return [first.data, second.data].filter((p): p is Plan => p !== undefined && p !== null && ids.includes(p.id));
}

export function EngagementDialog({ community, engagement, onClose, attachments }: EngagementDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useEngagementCommands();
  const [date, setDate] = useState(engagement?.date ?? todayIso());
  const [kind, setKind] = useState<EngagementKind | ''>(engagement?.kind ?? '');
  const [summary, setSummary] = useState(engagement?.summary ?? '');
  const [outcomes, setOutcomes] = useState(engagement?.outcomes ?? '');
  const [followUps, setFollowUps] = useState(engagement?.followUps ?? '');
  const [others, setOthers] = useState(engagement?.otherParticipants ?? '');
  const [people, setPeople] = useState<string[]>(engagement?.participantPersonIds ?? []);
  const [organisations, setOrganisations] = useState<string[]>(engagement?.participantOrganisationIds ?? []);
  const [priorities, setPriorities] = useState<string[]>(engagement?.priorityIds ?? []);
  const [actions, setActions] = useState<string[]>(engagement?.actionIds ?? []);

  // The community's own people and organisations, and the territory's (no community).
  const allPeople = useCall('people:list', {}, { live: false });
  const allOrganisations = useCall('organisations:list', {}, { live: false });
  const mine = <T extends { id: string; communityId: string | null; retired?: boolean }>(list: T[] | undefined, chosen: string[]) =>
    (list ?? []).filter((x) => (x.communityId === community.id || x.communityId === null) && (!x.retired || chosen.includes(x.id)));
  const peopleChoices = mine(allPeople.data, people);
  const organisationChoices = mine(allOrganisations.data, organisations);

  const plans = usePlansAround(community.id, date);
  const priorityChoices = plans.flatMap((p) => p.priorities.map((pr) => ({ value: pr.id, label: `${format.fiscalYear(p.fiscalYear)} — ${pr.title}` })));
  const actionChoices = plans.flatMap((p) => p.priorities.flatMap((pr) => pr.actions.map((a) => ({ value: a.id, label: `${format.fiscalYear(p.fiscalYear)} — ${pr.title} › ${a.title}` }))));
  // Links made earlier to a plan no longer offered (the date moved) are kept, by name.
  const keep = (choices: Array<{ value: string; label: string }>, chosen: string[], named: Engagement['priorities'] | undefined) => [
    ...choices,
    ...chosen.filter((id) => !choices.some((c) => c.value === id)).map((id) => ({ value: id, label: named?.find((n) => n.id === id)?.name ?? id })),
  ];

  const save = () =>
    commands.save(
      { communityId: community.id, engagement },
      {
        date,
        kind: kind as EngagementKind,
        summary,
        outcomes: outcomes.trim() === '' ? null : outcomes,
        followUps: followUps.trim() === '' ? null : followUps,
        otherParticipants: others.trim() === '' ? null : others,
        participantPersonIds: people,
        participantOrganisationIds: organisations,
        priorityIds: priorities,
        actionIds: actions,
      },
    );

  const dirty = useChanged({ date, kind, summary, outcomes, followUps, others, people, organisations, priorities, actions });
  return (
    <FormDialog
      dirty={dirty}
      wide
      title={engagement ? t('engagement.form.editTitle') : t('engagement.form.addTitle')}
      submitLabel={engagement ? t('engagement.form.save') : t('engagement.form.add')}
      onClose={onClose}
      isValid={() => filled(date, kind, summary)}
      save={save}
    >
      {(checked) => (
        <>
          <div className="grid-2">
            <DateField label={t('engagement.form.date')} value={date} onChange={setDate} checked={checked} required error={requiredError(checked, date, t('engagement.form.dateRequired'))} />
            <RequiredChoice
              checked={checked}
              label={t('engagement.form.kind')}
              value={kind}
              onChange={setKind}
              placeholder={t('engagement.form.chooseKind')}
              values={ENGAGEMENT_KINDS}
              labelOf={(k) => t(`engagement.kind.${k}`)}
              missing={t('engagement.form.kindRequired')}
            />
          </div>
          <TextArea
            label={t('engagement.form.summary')}
            hint={t('engagement.form.summaryHint')}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            error={requiredError(checked, summary, t('engagement.form.summaryRequired'))}
            required
            rows={3}
            maxLength={MAX_LONG_TEXT}
          />
          <div className="grid-2">
            <TextArea label={t('engagement.form.outcomes')} value={outcomes} onChange={(e) => setOutcomes(e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
            <TextArea label={t('engagement.form.followUps')} value={followUps} onChange={(e) => setFollowUps(e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
          </div>
          <CheckboxGroup
            legend={t('engagement.form.people')}
            options={peopleChoices.map((p) => ({ value: p.id, label: p.title ? `${p.name} (${p.title})` : p.name }))}
            value={people}
            onChange={setPeople}
            emptyText={t('engagement.form.noPeople')}
          />
          <CheckboxGroup
            legend={t('engagement.form.organisations')}
            options={organisationChoices.map((o) => ({ value: o.id, label: o.name }))}
            value={organisations}
            onChange={setOrganisations}
            emptyText={t('engagement.form.noOrganisations')}
          />
          <TextArea label={t('engagement.form.others')} hint={t('engagement.form.othersHint')} value={others} onChange={(e) => setOthers(e.target.value)} rows={2} maxLength={MAX_LONG_TEXT} />
          <CheckboxGroup
            legend={t('engagement.form.priorities')}
            options={keep(priorityChoices, priorities, engagement?.priorities)}
            value={priorities}
            onChange={setPriorities}
            emptyText={t('engagement.form.noPlanItems', { name: community.name })}
          />
          <CheckboxGroup
            legend={t('engagement.form.actions')}
            options={keep(actionChoices, actions, engagement?.actions)}
            value={actions}
            onChange={setActions}
            emptyText={t('engagement.form.noPlanItems', { name: community.name })}
          />
          {/* Evidence files of this engagement (issue 14 §3). */}
          {engagement && attachments ? (
            <section className="engagement-attachments" aria-label={t('engagement.form.attachments')} data-slot="engagement-attachments">
              {attachments(engagement)}
            </section>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
