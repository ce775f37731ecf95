import { createContext, useContext, useMemo } from 'react';
import { createBundleFiles, type BundleFiles } from '../../api/bundle-files';
import { useClient } from '../../app/store-context';

/** Tests put their own BundleFiles here; the app lets the hook pick Electron's or the harness's. */
export const BundleFilesContext = createContext<BundleFiles | null>(null);

export function useBundleFiles(): BundleFiles {
  const given = useContext(BundleFilesContext);
  const client = useClient();
  return useMemo(() => given ?? createBundleFiles(client), [given, client]);
}
