import { describe, expect, it } from 'vitest';
import { exportLabels } from '../../electron/core/reports/labels';
import { coreMessages } from '../../shared/core-messages';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  COMPLETENESS_STATES,
  CSWB_ZONES,
  INDICATOR_DIRECTIONS,
  LOCALES,
  MILESTONE_STATUSES,
  ORGANISATION_KINDS,
  OWNER_PARTIES,
  PLAN_STATUSES,
  PROGRESS_STATUSES,
  REPORT_STATES,
  ROLES,
} from '../../shared/vocabulary';
import { vocabularyLabel, vocabularyLabels, type VocabularyName } from '../../shared/words/vocabulary-labels';

const vocabularies: Record<VocabularyName, readonly string[]> = {
  role: ROLES,
  locale: LOCALES,
  planStatus: [...PLAN_STATUSES, 'none'],
  progressStatus: [...PROGRESS_STATUSES, 'not_recorded'],
  completeness: COMPLETENESS_STATES,
  reportState: REPORT_STATES,
  commitmentStatus: COMMITMENT_STATUSES,
  commitmentKind: COMMITMENT_KINDS,
  milestoneStatus: MILESTONE_STATUSES,
  owner: OWNER_PARTIES,
  zone: CSWB_ZONES,
  direction: INDICATOR_DIRECTIONS,
  organisationKind: ORGANISATION_KINDS,
  assessment: ['target_met', 'improving', 'worsening', 'unchanged', 'no_data'],
};

describe('the one catalogue of vocabulary labels', () => {
  it('labels every code of every vocabulary in every language, and nothing else', () => {
    for (const locale of LOCALES) {
      const labels = vocabularyLabels[locale] as Record<string, Record<string, string>>;
      expect(Object.keys(labels).sort(), locale).toEqual(Object.keys(vocabularies).sort());
      const missing = Object.entries(vocabularies).flatMap(([name, codes]) => codes.filter((code) => !labels[name]?.[code]?.trim()).map((code) => `${locale}: ${name}.${code}`));
      expect(missing).toEqual([]);
      const unknown = Object.entries(labels).flatMap(([name, group]) => Object.keys(group).filter((code) => !vocabularies[name as VocabularyName].includes(code)).map((code) => `${locale}: ${name}.${code}`));
      expect(unknown).toEqual([]);
    }
  });

  it('gives one label per code and language', () => {
    expect(vocabularyLabel('fr', 'progressStatus', 'at_risk')).toBe('À risque');
    expect(vocabularyLabel('en', 'zone', 'risk_intervention')).toBe('Risk intervention');
  });

  it('is what the exports name the codes with', () => {
    for (const locale of LOCALES) {
      const { vocab } = exportLabels(locale);
      for (const [name, group] of Object.entries(vocab)) expect(group, `${locale}: ${name}`).toEqual(vocabularyLabels[locale][name as VocabularyName]);
    }
  });

  it('is what the core says a plan status is, in lower case inside a sentence', () => {
    for (const status of PLAN_STATUSES) {
      expect(coreMessages[`planStatus.${status}`]).toEqual({ en: vocabularyLabels.en.planStatus[status].toLowerCase(), fr: vocabularyLabels.fr.planStatus[status].toLocaleLowerCase('fr') });
    }
    expect(coreMessages['planStatus.active'].fr).toBe('en œuvre');
  });
});
