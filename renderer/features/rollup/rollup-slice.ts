/**
 * The roll-up's reads that are more than one call (ten years of completeness matrices) and its
 * one write-like command: an export file, saved and announced.
 */
import { useEffect, useState } from 'react';
import type { MethodRawInput } from '../../../shared/contract';
import type { CompletenessMatrix } from '../../../shared/domain';
import { useClient, usePlanner } from '../../app/store-context';
import { useCommands, type CommandDeps } from '../../app/use-commands';
import { saveExport } from '../reports/download';

export function rollupCommands({ client, notify, t }: CommandDeps) {
  return {
    async exportFile(input: MethodRawInput<'exports:file'>) {
      const file = await client.call('exports:file', input);
      saveExport(file);
      notify(t('reports.rollup.exported', { file: file.fileName }));
    },
  };
}

export const useRollupCommands = () => useCommands(rollupCommands);

/** The completeness matrix of each year, read again whenever the core reports a change. */
export function useCompletenessMatrices(years: number[]): { matrices: CompletenessMatrix[] | null; error: unknown } {
  const client = useClient();
  const version = usePlanner((s) => s.dataVersion);
  const [matrices, setMatrices] = useState<CompletenessMatrix[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all(years.map((fiscalYear) => client.call('completeness:matrix', { fiscalYear }))).then(
      (answers) => !cancelled && setMatrices(answers),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [client, years, version]);
  return { matrices, error };
}
