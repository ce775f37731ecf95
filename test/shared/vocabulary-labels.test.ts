import { describe, expect, it } from 'vitest';
import { exportLabels } from '../../electron/core/reports/labels';
import { coreMessages } from '../../shared/core-messages';
import { LOCALES, PLAN_STATUSES } from '../../shared/vocabulary';
import { VOCABULARY_CODES, vocabularyLabel, vocabularyLabels, type VocabularyName } from '../../shared/words/vocabulary-labels';

const vocabularies: Record<string, readonly string[]> = VOCABULARY_CODES;

describe('the one catalogue of vocabulary labels', () => {
  it('labels every code of every vocabulary in every language, and nothing else', () => {
    for (const locale of LOCALES) {
      const labels = vocabularyLabels[locale] as Record<string, Record<string, string>>;
      expect(Object.keys(labels).sort(), locale).toEqual(Object.keys(vocabularies).sort());
      const missing = Object.entries(vocabularies).flatMap(([name, codes]) => codes.filter((code) => !labels[name]?.[code]?.trim()).map((code) => `${locale}: ${name}.${code}`));
      expect(missing).toEqual([]);
      const unknown = Object.entries(labels).flatMap(([name, group]) => Object.keys(group).filter((code) => !(vocabularies[name] ?? []).includes(code)).map((code) => `${locale}: ${name}.${code}`));
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
