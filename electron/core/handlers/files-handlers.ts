/** The file methods' handlers (contract: shared/contract-files.ts). */
import type { filesMethods } from '../../../shared/contract-files';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import type { DomainHandlers } from './handler-types';

/** The core has no window: choosing files and printing to PDF are answered by the adapters (Electron main, the harness). */
const noDialog = (): never => {
  throw new DomainError('forbidden', msg('files.noDialog'));
};

export const filesHandlers: DomainHandlers<typeof filesMethods> = {
  'files:chooseBundleToOpen': noDialog,
  'files:chooseBundleDestination': noDialog,
  // The core knows no drives nor folders of the person: the adapters answer (electron/main/bundle-destinations.ts, the harness).
  'files:bundleDestinations': () => ({ destinations: [] }),
  'files:savePrintedPdf': noDialog,
};
