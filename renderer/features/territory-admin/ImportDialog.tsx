/**
 * Importing a reference list from a spreadsheet: download the template the app writes (CSV or
 * Excel), choose the filled-in file, see each row's problem as a sentence, then import — all or
 * nothing, and only once no row has a problem.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmFooter, Dialog } from '../../components/Dialog';
import { Banner, ErrorBanner, Loading } from '../../components/Feedback';
import { Table } from '../../components/Table';
import { useSubmit } from '../../components/use-submit';
import { useTask } from '../../components/use-task';
import { renderSafely } from '../../../shared/core-messages';
import type { ReferenceImportPreview } from '../../../shared/domain';
import { usePlanner } from '../../app/store-context';
import { toBase64, useTerritoryCommands, type ReferenceKind, type SpreadsheetFile } from './territory-commands';

/** The chosen file's bytes, as base64 (the contract carries files as text). */
async function readAsBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}

export function ImportDialog({ list, onClose }: { list: ReferenceKind; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useTerritoryCommands();
  const locale = usePlanner((s) => s.locale);
  const [error, setError] = useState<unknown>(null);
  const template = useTask(setError);
  const [file, setFile] = useState<SpreadsheetFile | null>(null);
  const [preview, setPreview] = useState<ReferenceImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [chosenName, setChosenName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const importing = useSubmit(async () => {
    if (file) await commands.importList(list, file);
  }, onClose);

  async function choose(chosen: File | undefined) {
    setError(null);
    setPreview(null);
    setFile(null);
    if (!chosen) return;
    setReading(true);
    try {
      const spreadsheet = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setPreview(await commands.previewImport(list, spreadsheet));
      setFile(spreadsheet);
    } catch (e) {
      setError(e);
    } finally {
      setReading(false);
    }
  }

  const problems = preview?.problems ?? [];
  const canImport = preview !== null && problems.length === 0 && preview.rows.length > 0;
  return (
    <Dialog
      wide
      title={t('territoryAdmin.import.title', { list: t(`territoryAdmin.import.list.${list}`) })}
      onClose={onClose}
      busy={importing.busy}
      footer={<ConfirmFooter confirmLabel={t('territoryAdmin.import.submit')} busy={importing.busy} disabled={!canImport} onCancel={onClose} onConfirm={() => void importing.submit()} />}
    >
      <ErrorBanner error={error ?? importing.error} />
      <section className="import-step" aria-labelledby={`${ids}-1`}>
        <h3 id={`${ids}-1`}>{t('territoryAdmin.import.step1')}</h3>
        <p className="muted small">{t('territoryAdmin.import.step1Body')}</p>
        <div className="button-group">
          <Button size="small" icon="arrow-right" busy={template.busy} onClick={() => void template.run(() => commands.downloadTemplate(list, 'csv'))}>
            {t('territoryAdmin.import.templateCsv')}
          </Button>
          <Button size="small" icon="arrow-right" busy={template.busy} onClick={() => void template.run(() => commands.downloadTemplate(list, 'xlsx'))}>
            {t('territoryAdmin.import.templateXlsx')}
          </Button>
        </div>
      </section>

      <section className="import-step" aria-labelledby={`${ids}-2`}>
        <h3 id={`${ids}-2`}>{t('territoryAdmin.import.step2')}</h3>
        {/* The system's file control speaks the system's language ("Choose File"): it stays for the
            keyboard and screen readers, visually replaced by a button and the chosen file's name. */}
        <div className="field file-choice">
          <label htmlFor={`${ids}-file`} className="field__label">
            {t('territoryAdmin.import.file')}
          </label>
          <div className="row">
            <input
              ref={input}
              id={`${ids}-file`}
              type="file"
              className="visually-hidden"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setChosenName(e.target.files?.[0]?.name ?? '');
                void choose(e.target.files?.[0]);
              }}
            />
            <Button icon="arrow-right" tabIndex={-1} aria-hidden="true" onClick={() => input.current?.click()}>
              {t('territoryAdmin.import.chooseFile')}
            </Button>
            <span className="muted">{chosenName || t('territoryAdmin.import.noFile')}</span>
          </div>
        </div>
        {reading ? <Loading label={t('territoryAdmin.import.reading')} /> : null}
      </section>

      <section className="import-step" aria-labelledby={`${ids}-3`}>
        <h3 id={`${ids}-3`}>{t('territoryAdmin.import.step3')}</h3>
        <div aria-live="polite">
          {preview === null ? (
            <p className="muted">{t('territoryAdmin.import.chooseFirst')}</p>
          ) : problems.length > 0 ? (
            <Banner tone="error" title={t('territoryAdmin.import.problems', { count: problems.length })}>
              <p>{t('territoryAdmin.import.problemsTitle')}</p>
              <ul className="import-problems">
                {problems.map((p, i) => (
                  // The sentence in the language on screen (the core wrote it in the installation's).
                  <li key={i}>{renderSafely(p.ref.key, p.ref.params, locale) ?? p.message}</li>
                ))}
              </ul>
            </Banner>
          ) : preview.rows.length === 0 ? (
            <Banner tone="warning" title={t('territoryAdmin.import.nothing')} />
          ) : (
            <>
              <Banner tone="success" title={t('territoryAdmin.import.ready', { count: preview.rows.length })}>
                <p>{t('territoryAdmin.import.submitHint')}</p>
              </Banner>
              <Table
                caption={t('territoryAdmin.import.previewCaption')}
                compact
                rows={preview.rows}
                rowKey={(r) => String(r.row)}
                columns={[
                  { key: 'row', header: t('territoryAdmin.import.row'), numeric: true, render: (r) => r.row },
                  { key: 'name', header: t('territoryAdmin.import.record'), rowHeader: true, render: (r) => r.label },
                  { key: 'change', header: t('territoryAdmin.import.changeColumn'), render: (r) => t(`territoryAdmin.import.change.${r.action}`) },
                ]}
              />
            </>
          )}
        </div>
      </section>
    </Dialog>
  );
}
