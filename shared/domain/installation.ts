/** This installation, its history and its database. */
import type { Locale, Role } from '../vocabulary';

export interface InstallationProfile {
  installationId: string;
  /** What this installation is called, e.g. "Fort Good Hope detachment". */
  name: string;
  /** The person using it now; recorded as the author of every change. */
  userName: string;
  role: Role;
  /** Communities this installation works for; empty means all (the coordinator). */
  scopeCommunityIds: string[];
  locale: Locale;
  reportDueDays: number;
}

/** What `installation:get` answers: the profile, and today's date by the core's clock. */
export interface InstallationState extends InstallationProfile {
  /** YYYY-MM-DD, by the core's (injectable) clock: the date the core decides "late" and "started" by. */
  today: string;
}

export interface ChangeRecord {
  changesetId: string;
  seq: number;
  at: string;
  actor: string;
  installationId: string;
  summary: string;
  /** What the change is about, readable: "Behchokǫ̀ — FY 2025–26", an action's title… (null if unknown here). */
  subject: string | null;
  /**
   * The plan the change is in: its community and fiscal year, and the quarter when the change is a
   * quarter's (progress, an indicator value, a report); null for territory data (communities,
   * commitments…). The screen words it in its own language.
   */
  place: { communityName: string; fiscalYear: number; quarter: number | null } | null;
  ops: Array<{ table: string; rowId: string; field: string; value: unknown }>;
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}
