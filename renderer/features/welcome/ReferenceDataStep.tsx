/**
 * The coordinator's second step: the territory's reference data. The standard themes in English
 * and French, offered as a checklist; the communities and their regions typed or pasted as a list
 * ("Community; Region" a line), with a preview of what will be created and each line's problem as
 * a sentence. Everything can be changed later on the territory's screens.
 */
import { PageHeader } from '../../components/PageHeader';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandardTheme } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { TextArea } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useCall, usePlanner } from '../../app/store-context';
import { readPastedCommunities } from './reference-list';
import { useWelcomeCommands } from './welcome-commands';

export function ReferenceDataStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const locale = usePlanner((s) => s.locale);
  const commands = useWelcomeCommands();
  const standard = useCall('themes:standard', {}, { live: false });
  const [unticked, setUnticked] = useState<string[]>([]);
  const [pasted, setPasted] = useState('');
  const [done, setDone] = useState<{ themes: number; regions: number; communities: number } | null>(null);
  const read = useMemo(() => readPastedCommunities(pasted), [pasted]);
  const themes = (standard.data ?? []).filter((th) => !unticked.includes(th.code));
  const { busy, error, submit } = useSubmit(async () => {
    const made = await commands.createReference(done ? [] : themes, read.rows);
    setDone((d) => ({ themes: (d?.themes ?? 0) + made.themes, regions: (d?.regions ?? 0) + made.regions, communities: (d?.communities ?? 0) + made.communities }));
    setPasted('');
  }, () => {});
  const label = (th: StandardTheme) => (locale === 'fr' ? th.nameFr : th.nameEn);
  return (
    <>
      <PageHeader title={t('territory.reference.title')} subtitle={t('territory.reference.intro')} />
      {done ? null : (
        <section className="panel" aria-labelledby="reference-themes">
          <h2 id="reference-themes">{t('territory.reference.themesTitle')}</h2>
          <ErrorBanner error={standard.error} />
          {standard.data ? (
            <fieldset className="choice-group">
              <legend>{t('territory.reference.themesLegend')}</legend>
              <div className="choice-group__options">
                {standard.data.map((th) => (
                  <label key={th.code} className="choice">
                    <input type="checkbox" checked={!unticked.includes(th.code)} onChange={(e) => setUnticked(e.target.checked ? unticked.filter((c) => c !== th.code) : [...unticked, th.code])} />
                    <span lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>{label(th)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : standard.error ? null : (
            <Loading />
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="reference-communities">
        <h2 id="reference-communities">{t('territory.reference.communitiesTitle')}</h2>
        <TextArea label={t('territory.reference.paste')} hint={t('territory.reference.pasteHint')} rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
        {read.problems.length > 0 ? (
          <Banner tone="error" title={t('territory.reference.problems', { count: read.problems.length })}>
            <ul>
              {read.problems.map((p) => (
                <li key={p.line}>{t(`territory.reference.problem.${p.kind}`, { line: p.line, name: p.name })}</li>
              ))}
            </ul>
          </Banner>
        ) : null}
        {read.rows.length > 0 ? (
          <div aria-live="polite">
            <p>{t('territory.reference.preview', { communities: read.rows.length, regions: read.regions.length })}</p>
            <ul className="small">
              {read.rows.map((r) => (
                <li key={r.line}>
                  {r.otherNames.length ? t('territory.reference.rowWithOthers', { name: r.name, region: r.region, others: r.otherNames.join(', ') }) : t('territory.reference.row', { name: r.name, region: r.region })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <ErrorBanner error={error} />
      <div aria-live="polite">
        {done ? (
          <Banner tone="success" title={t('territory.reference.created')}>
            <p>{t('territory.reference.createdBody', { themes: done.themes, regions: done.regions, communities: done.communities })}</p>
          </Banner>
        ) : null}
      </div>
      <div className="button-group">
        <Button variant="primary" busy={busy} disabled={read.problems.length > 0 || (done !== null && read.rows.length === 0)} onClick={() => void submit()}>
          {t('territory.reference.create')}
        </Button>
        <Button variant={done ? 'primary' : 'secondary'} onClick={onDone}>
          {t('territory.reference.next')}
        </Button>
      </div>
    </>
  );
}
