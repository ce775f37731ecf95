/** The reports domain's handlers (contract: shared/contract-reports.ts). */
import type { reportMethods } from '../../../shared/contract-reports';
import type { DomainHandlers } from '../handlers';
import { exportFile } from './exports';
import { annualPlan, quarterlyReport } from './report-data';
import { rollup } from './rollup-data';

export const reportHandlers: DomainHandlers<typeof reportMethods> = {
  'reports:quarterly': quarterlyReport,
  'reports:annual': annualPlan,
  'rollup:get': rollup,
  'exports:file': exportFile,
};
