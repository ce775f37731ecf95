/** The reports domain's handlers (contract: shared/contract-reports.ts). */
import type { reportMethods } from '../../../shared/contract-reports';
import type { DomainHandlers } from './handler-types';
import { exportFile } from '../reports/exports';
import { annualPlan, quarterlyReport } from '../reports/report-data';
import { rollup } from '../reports/rollup-data';

export const reportHandlers: DomainHandlers<typeof reportMethods> = {
  'reports:quarterly': quarterlyReport,
  'reports:annual': annualPlan,
  'rollup:get': rollup,
  'exports:file': exportFile,
};
