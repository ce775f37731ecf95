/**
 * The planner's tables: the one source of truth for what is stored. Migrations in db/migrations
 * are generated from this file by drizzle-kit and committed.
 *
 * Rules every replicated table follows (see ../ARCHITECTURE.md, "Data"):
 * - a global text id (ULID, or a deterministic id derived from a natural key, so two
 *   installations creating "the Q2 progress entry of action A" meet on one row);
 * - no autoincrement, no stored derived facts (on time/late/missing are computed);
 * - removal is a field change (`deletedAt`), so it can travel as an op and be undone;
 * - every write goes through the core's change recorder, which writes `changesets`/`ops`.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, sqliteView, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const deletedAt = () => text('deleted_at');
const json = (name: string) => text(name, { mode: 'json' });

// --- Local to this installation (never exchanged) ------------------------------------------

export const installation = sqliteTable('installation', {
  /** Singleton row: the key is always 1. */
  key: integer('key').primaryKey(),
  installationId: text('installation_id').notNull(),
  name: text('name').notNull(),
  userName: text('user_name').notNull(),
  role: text('role').notNull(),
  scopeCommunityIds: json('scope_community_ids').$type<string[]>().notNull().default(sql`'[]'`),
  locale: text('locale').notNull().default('en'),
  reportDueDays: integer('report_due_days').notNull().default(30),
  /** The last changeset sequence number this installation issued (before partitions: its one sequence). */
  lastSeq: integer('last_seq').notNull().default(0),
  /** This installation's Ed25519 public key (SPKI DER, base64); the private key is kept outside the database. */
  publicKey: text('public_key'),
  /** This installation's X25519 public key for bundles encrypted to it (SPKI DER, base64); private half kept with the signing key. */
  encryptionPublicKey: text('encryption_public_key'),
  createdAt: text('created_at').notNull(),
  /** Earlier installation ids of this same installation (same key), oldest first. */
  formerInstallationIds: json('former_installation_ids').$type<string[]>().notNull().default(sql`'[]'`),
  /** The territory this installation belongs to (null: not enrolled — a scratch or demo database). */
  territoryId: text('territory_id'),
  /** The serial of this installation's own certificate, once enrolled: role and communities come from it. */
  certificateSerial: text('certificate_serial'),
  /** A demo database: marked everywhere it is open, never exchanged with a real territory. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
});

// --- The territory and its certificates (local; travel as bundle sections, not as changesets) --

/** The territory this database belongs to: its name and its key's public half, with the keys it replaced. */
export const territory = sqliteTable('territory', {
  /** Singleton row: the key is always 1. */
  key: integer('key').primaryKey(),
  territoryId: text('territory_id').notNull(),
  name: text('name').notNull(),
  /** The current territory key (Ed25519, SPKI DER base64): it signs certificates and revocations. */
  publicKey: text('public_key').notNull(),
  /** Earlier territory keys, oldest first, each with the signature by which it handed over to the next. */
  keyHistory: json('key_history').$type<Array<{ publicKey: string; replacedAt: string; handover: string }>>().notNull().default(sql`'[]'`),
  createdAt: text('created_at').notNull(),
});

/** Certificates issued by the territory key: who an installation is, its role and its communities. */
export const certificates = sqliteTable(
  'certificates',
  {
    serial: text('serial').primaryKey(),
    installationId: text('installation_id').notNull(),
    territoryId: text('territory_id').notNull(),
    /** The exact signed text: it travels byte for byte. */
    body: text('body').notNull(),
    /** Signature of `body` by the territory key, base64. */
    signature: text('signature').notNull(),
    issuedAt: text('issued_at').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('certificates_installation').on(t.installationId)],
);

/** Certificates the territory key has revoked: new changes signed after revocation are refused. */
export const revocations = sqliteTable('revocations', {
  serial: text('serial').primaryKey(),
  /** The exact signed text (serial, installation, when, why). */
  body: text('body').notNull(),
  signature: text('signature').notNull(),
  revokedAt: text('revoked_at').notNull(),
  receivedAt: text('received_at').notNull(),
});

/** Enrolment requests the coordinator has read and not yet answered (or answered: kept as a record). */
export const enrolmentRequests = sqliteTable('enrolment_requests', {
  requestId: text('request_id').primaryKey(),
  installationId: text('installation_id').notNull(),
  /** The request file's exact text (keys, computer name, user name), as received. */
  body: text('body').notNull(),
  receivedAt: text('received_at').notNull(),
  /** The certificate issued in answer, once enrolled. */
  certificateSerial: text('certificate_serial'),
});

// --- The change log: the single place every write is recorded ------------------------------

/**
 * One local save or one imported changeset: who, where, when, in what order. `body` is the exact
 * signed text (it travels byte-for-byte, so the origin's signature holds after any relay), stored
 * compressed (db/changeset-text.ts: read it with `changeset_body(body)` in SQL
 * or `changesetText()` in code). `n` is a compact, stable number the ops refer to.
 */
export const changesets = sqliteTable(
  'changesets',
  {
    n: integer('n').primaryKey(),
    id: text('id').notNull(),
    origin: text('origin').notNull(),
    /**
     * The partition the changeset belongs to: a community's id, 'territory', or '*' for changesets
     * written before partitions existed (they go only to computers that read everything).
     */
    partition: text('partition').notNull().default('*'),
    /** Numbered 1, 2, 3… per (origin, partition). */
    seq: integer('seq').notNull(),
    hlc: text('hlc').notNull(),
    actor: text('actor').notNull(),
    method: text('method').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    createdAt: text('created_at').notNull(),
    /** The signed text, deflated (a Buffer); text for a row an older version stored, until converted at opening. */
    body: blob('body').notNull(),
    /** Ed25519 signature of the signed text by the origin, base64. */
    signature: text('signature').notNull(),
    /** When this installation stored it (its own saves: when made; others': when imported). */
    receivedAt: text('received_at').notNull(),
  },
  (t) => [uniqueIndex('changesets_id').on(t.id), uniqueIndex('changesets_origin_partition_seq').on(t.origin, t.partition, t.seq)],
);

/** The (table, field) pairs ops name, each numbered once, so an op stores a small number, not two names. */
export const opFields = sqliteTable(
  'op_fields',
  {
    k: integer('k').primaryKey(),
    tableName: text('table_name').notNull(),
    field: text('field').notNull(),
  },
  (t) => [uniqueIndex('op_fields_name').on(t.tableName, t.field)],
);

/**
 * What merging needs of each op, and nothing the signed text already holds: its id is
 * `<changeset id>.<position>`, its pred is in `op_preds`, its clock is its changeset's. `value` (JSON)
 * is kept so a field's heads are read without opening bodies; `head` is 1 while the op is one of its
 * field's current heads (two or more heads is a conflict). WITHOUT ROWID (migration 0005).
 * Read through the views `change_ops` and `field_heads` (the layout before 0005) when speed does not matter.
 */
export const ops = sqliteTable(
  'ops',
  {
    cs: integer('cs').notNull(),
    position: integer('position').notNull(),
    fieldKey: integer('field_key').notNull(),
    rowId: text('row_id').notNull(),
    value: text('value').notNull(),
    head: integer('head').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cs, t.position] }), index('ops_row').on(t.rowId, t.fieldKey, t.head)],
);

/** The ops as they were stored before migration 0005 (a view over `ops`; read-only). */
export const changeOps = sqliteView('change_ops', {
  opId: text('op_id').notNull(),
  changesetId: text('changeset_id').notNull(),
  position: integer('position').notNull(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field').notNull(),
  value: text('value').notNull(),
  hlc: text('hlc').notNull(),
  head: integer('head').notNull(),
}).existing();

/** Which op names which in its `pred`: lets a late-arriving op know it is already superseded. */
export const opPreds = sqliteTable(
  'op_preds',
  {
    opId: text('op_id').notNull(),
    predOpId: text('pred_op_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.predOpId, t.opId] })],
);

/** The current heads of every field's multi-value register (a view over `ops`; read-only). */
export const fieldHeads = sqliteView('field_heads', {
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field').notNull(),
  opId: text('op_id').notNull(),
}).existing();

/** The partition of every replicated row, fixed by the first op that created it here. */
export const rowPartitions = sqliteTable(
  'row_partitions',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    partition: text('partition').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('row_partitions_partition').on(t.partition)],
);

/**
 * Fields named by ops this version of the planner does not know (made by a newer version): the ops
 * are kept as they came and relayed; an upgraded planner materialises them and clears the line.
 */
export const unknownFields = sqliteTable(
  'unknown_fields',
  {
    tableName: text('table_name').notNull(),
    field: text('field').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.field] })],
);

/** Rows whose ops arrived before their parent row: kept hidden until the parent arrives. */
export const pendingRows = sqliteTable(
  'pending_rows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

/** Installations whose bundles we accept: pinned key, scope, and what they have acknowledged. */
export const peers = sqliteTable('peers', {
  installationId: text('installation_id').primaryKey(),
  name: text('name').notNull(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  /** Communities this peer may change; null means all (e.g. the coordinator). */
  scopeCommunityIds: json('scope_community_ids').$type<string[] | null>(),
  trustedAt: text('trusted_at'),
  revokedAt: text('revoked_at'),
  /** The installation whose bundle introduced this key, when it was relayed rather than met. */
  introducedBy: text('introduced_by'),
  /** The peer's version vector as of its last bundle to us, per "origin partition": what it already has. */
  acknowledged: json('acknowledged').$type<Record<string, number>>().notNull().default(sql`'{}'`),
});

/** Every bundle written or read: the exchange history shown to people. */
export const exchanges = sqliteTable('exchanges', {
  id: text('id').primaryKey(),
  direction: text('direction').notNull(),
  bundleId: text('bundle_id').notNull(),
  peerInstallationId: text('peer_installation_id'),
  peerName: text('peer_name'),
  file: text('file').notNull(),
  at: text('at').notNull(),
  changesetCount: integer('changeset_count').notNull(),
  newChangesetCount: integer('new_changeset_count').notNull(),
  encrypted: integer('encrypted', { mode: 'boolean' }).notNull(),
});

// --- Replicated reference data -------------------------------------------------------------

/** When a reference record left the lists for new work; it stays on the plans and reports that name it. */
const retiredAt = () => text('retired_at');

export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  retiredAt: retiredAt(),
  deletedAt: deletedAt(),
});

export const detachments = sqliteTable('detachments', {
  id: text('id').primaryKey(),
  /** The English name. */
  name: text('name').notNull(),
  /** The French name; null when it is the same as the English one. */
  nameFr: text('name_fr'),
  /** The community the detachment building is in. */
  communityId: text('community_id'),
  retiredAt: retiredAt(),
  deletedAt: deletedAt(),
});

export const communities = sqliteTable(
  'communities',
  {
    id: text('id').primaryKey(),
    /** The community's own spelling, diacritics included. */
    name: text('name').notNull(),
    /** Other names it is known by: former, English or Indigenous names ("Rae-Edzo" for Behchokǫ̀). */
    otherNames: json('other_names').$type<string[]>().notNull().default(sql`'[]'`),
    /**
     * The region's id (a row of `regions`). Communities recorded before regions were records hold
     * the region's English name here, which is then also its id.
     */
    region: text('region').notNull(),
    hasDetachment: integer('has_detachment', { mode: 'boolean' }).notNull(),
    servedByDetachmentId: text('served_by_detachment_id').references(() => detachments.id),
    retiredAt: retiredAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('communities_detachment').on(t.servedByDetachmentId)],
);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  communityId: text('community_id').references(() => communities.id),
  retiredAt: retiredAt(),
  deletedAt: deletedAt(),
});

export const people = sqliteTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  title: text('title'),
  organisationId: text('organisation_id').references(() => organisations.id),
  communityId: text('community_id').references(() => communities.id),
  retiredAt: retiredAt(),
  deletedAt: deletedAt(),
});

export const themes = sqliteTable('themes', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  retiredAt: retiredAt(),
  deletedAt: deletedAt(),
});

// --- Plans --------------------------------------------------------------------------------

export const plans = sqliteTable(
  'plans',
  {
    /** Deterministic from (community, fiscal year): one plan per community per year. */
    id: text('id').primaryKey(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').notNull(),
    communitySignatory: text('community_signatory'),
    communitySignedOn: text('community_signed_on'),
    detachmentSignatory: text('detachment_signatory'),
    detachmentSignedOn: text('detachment_signed_on'),
    copiedFromPlanId: text('copied_from_plan_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('plans_community_year').on(t.communityId, t.fiscalYear), index('plans_year').on(t.fiscalYear)],
);

/** A recorded revision of an agreed plan: while one is open the plan may be edited. */
export const planRevisions = sqliteTable(
  'plan_revisions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    reason: text('reason').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    deletedAt: deletedAt(),
  },
  (t) => [index('plan_revisions_plan').on(t.planId)],
);

export const priorities = sqliteTable(
  'priorities',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    rank: integer('rank').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    themeIds: json('theme_ids').$type<string[]>().notNull().default(sql`'[]'`),
    zone: text('zone').notNull(),
    continuesPriorityId: text('continues_priority_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('priorities_plan').on(t.planId)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    priorityId: text('priority_id')
      .notNull()
      .references(() => priorities.id),
    rank: integer('rank').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    owner: text('owner').notNull(),
    leadPersonId: text('lead_person_id').references(() => people.id),
    leadName: text('lead_name'),
    partnerOrganisationIds: json('partner_organisation_ids').$type<string[]>().notNull().default(sql`'[]'`),
    plannedQuarters: json('planned_quarters').$type<number[]>().notNull().default(sql`'[]'`),
    commitmentIds: json('commitment_ids').$type<string[]>().notNull().default(sql`'[]'`),
    /** The action in last year's plan that this one carries forward. */
    continuesActionId: text('continues_action_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('actions_priority').on(t.priorityId), index('actions_continues').on(t.continuesActionId)],
);

export const indicators = sqliteTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    priorityId: text('priority_id')
      .notNull()
      .references(() => priorities.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: real('baseline'),
    target: real('target'),
    direction: text('direction').notNull(),
    source: text('source'),
    continuesIndicatorId: text('continues_indicator_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('indicators_priority').on(t.priorityId)],
);

export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    /** Deterministic from (indicator, fiscal year, quarter). */
    id: text('id').primaryKey(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    deletedAt: deletedAt(),
  },
  (t) => [index('indicator_values_indicator').on(t.indicatorId, t.fiscalYear, t.quarter)],
);

export const progressEntries = sqliteTable(
  'progress_entries',
  {
    /** Deterministic from (action, fiscal year, quarter). */
    id: text('id').primaryKey(),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id),
    fiscalYear: integer('fiscal_year').notNull(),
    quarter: integer('quarter').notNull(),
    status: text('status').notNull(),
    narrative: text('narrative').notNull(),
    nextSteps: text('next_steps'),
    author: text('author').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: deletedAt(),
  },
  (t) => [index('progress_entries_action').on(t.actionId, t.fiscalYear, t.quarter)],
);

export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    /** Deterministic from (plan, quarter). */
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    quarter: integer('quarter').notNull(),
    state: text('state').notNull(),
    submittedBy: text('submitted_by'),
    submittedAt: text('submitted_at'),
    /** The latest resubmission after the coordinator returned the report (schema version 4): who, when, and the review it answers. */
    resubmittedBy: text('resubmitted_by'),
    resubmittedAt: text('resubmitted_at'),
    resubmittedAfter: text('resubmitted_after'),
    deletedAt: deletedAt(),
  },
  (t) => [index('report_submissions_plan').on(t.planId, t.quarter)],
);

export const reportComments = sqliteTable(
  'report_comments',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reportSubmissions.id),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    /** The action of the report this comment is about; null: the whole report (schema version 3). */
    actionId: text('action_id'),
    /** The author's role when writing it; null: a coordinator's comment from before version 3. */
    authorRole: text('author_role'),
    /** When its author last changed its text, if ever. */
    editedAt: text('edited_at'),
    /** When the other side first read it (a coordinator's comment: the community; else the coordinator), and who. */
    readAt: text('read_at'),
    readBy: text('read_by'),
    deletedAt: deletedAt(),
  },
  (t) => [index('report_comments_report').on(t.reportId)],
);

/**
 * A change to the progress of a quarter whose report was already submitted: who, when, and what the
 * entry said before, so what council saw can always be shown again.
 */
export const progressAmendments = sqliteTable(
  'progress_amendments',
  {
    id: text('id').primaryKey(),
    progressEntryId: text('progress_entry_id')
      .notNull()
      .references(() => progressEntries.id),
    amendedBy: text('amended_by').notNull(),
    amendedAt: text('amended_at').notNull(),
    previousStatus: text('previous_status').notNull(),
    previousNarrative: text('previous_narrative').notNull(),
    previousNextSteps: text('previous_next_steps'),
    deletedAt: deletedAt(),
  },
  (t) => [index('progress_amendments_entry').on(t.progressEntryId)],
);

// --- Mandate commitments and initiatives ---------------------------------------------------

export const commitments = sqliteTable('commitments', {
  /** Deterministic from (kind, number). */
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  number: text('number').notNull(),
  /** The English title. */
  title: text('title').notNull(),
  titleFr: text('title_fr'),
  descriptionEn: text('description_en'),
  descriptionFr: text('description_fr'),
  leadDepartment: text('lead_department').notNull(),
  priorityArea: text('priority_area'),
  status: text('status').notNull(),
  relatedCommitmentIds: json('related_commitment_ids').$type<string[]>().notNull().default(sql`'[]'`),
  deletedAt: deletedAt(),
});

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    commitmentId: text('commitment_id')
      .notNull()
      .references(() => commitments.id),
    /** The English title. */
    title: text('title').notNull(),
    titleFr: text('title_fr'),
    dueDate: text('due_date'),
    status: text('status').notNull(),
    deletedAt: deletedAt(),
  },
  (t) => [index('milestones_commitment').on(t.commitmentId)],
);

// --- Signed heads of the change log (issue 13 §3; local, never exchanged as rows) ----------------

/**
 * Per (origin, partition): the hash chain over that origin's changesets as held here, up to the
 * highest seq held without a hole (`chainSeq`, `chain`: SHA-256 hex; 0 and 64 zeros before the
 * first), and the newest head that origin signed that this computer holds (`headSeq`, `headChain`,
 * `headSignature`: Ed25519 by the origin over bundles/signed-heads.ts `headText`), relayed as it came.
 */
export const chainHeads = sqliteTable(
  'chain_heads',
  {
    origin: text('origin').notNull(),
    partition: text('partition').notNull(),
    chainSeq: integer('chain_seq').notNull(),
    chain: text('chain').notNull(),
    headSeq: integer('head_seq'),
    headChain: text('head_chain'),
    headSignature: text('head_signature'),
  },
  (t) => [primaryKey({ columns: [t.origin, t.partition] })],
);

/** Bundles imported here, by the digest their sender signed (the trailer's): a second import of the same bytes is recognised before any work. */
export const importedBundles = sqliteTable('imported_bundles', {
  digest: text('digest').primaryKey(),
  bundleId: text('bundle_id').notNull(),
  importedAt: text('imported_at').notNull(),
});

// --- Evidence files (issue 14 §3) ---------------------------------------------------------------

/**
 * The bytes of every file attached here, once per content (SHA-256 hex): the same photo attached
 * to two records, or received twice, is stored once. Local to this computer (never a replicated
 * row: the attachments name the hash, bundles carry the bytes beside the changesets), inside the
 * database so backups, restores and encryption at rest cover it.
 */
export const fileBlobs = sqliteTable('file_blobs', {
  hash: text('hash').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
  /** The type read from the bytes (electron/core/queries/file-checks.ts), never from the name. */
  type: text('type').notNull(),
  storedAt: text('stored_at').notNull(),
});

/** Which files this computer has sent to which peer in a bundle with files (a bundle "without files" records none). */
export const fileDeliveries = sqliteTable(
  'file_deliveries',
  {
    peerId: text('peer_id').notNull(),
    hash: text('hash').notNull(),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.hash] })],
);

/**
 * A file attached to a record of a community (a plan, a quarterly progress entry, an engagement
 * event): its kind and id, the community it belongs to (its partition), the content's hash and what
 * the user called it. Removing it is a soft delete; the bytes stay while any attachment names them.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    communityId: text('community_id').notNull(),
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    hash: text('hash').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
    deletedAt: deletedAt(),
  },
  (t) => [index('attachments_record').on(t.recordKind, t.recordId), index('attachments_hash').on(t.hash)],
);

// --- Promising practices (issue 14 §2; changeset schema version 4) ------------------------------

/**
 * What a practice says, the same in a community's proposal and in the published practice: what was
 * done, the challenge it answers (themes, CSWB zone), where (community ids) and when it was tried,
 * what came of it (with linked indicator ids where there are some), a contact and its status.
 */
const practiceContent = () => ({
  title: text('title').notNull(),
  whatWasDone: text('what_was_done').notNull(),
  challenge: text('challenge'),
  themeIds: json('theme_ids').$type<string[]>().notNull().default(sql`'[]'`),
  zone: text('zone'),
  /** Where it was tried: community ids (territory data). */
  communityIds: json('community_ids').$type<string[]>().notNull().default(sql`'[]'`),
  /** When: a fiscal year and quarter, and/or dates. */
  fiscalYear: integer('fiscal_year'),
  quarter: integer('quarter'),
  triedFrom: text('tried_from'),
  triedTo: text('tried_to'),
  outcome: text('outcome'),
  indicatorIds: json('indicator_ids').$type<string[]>().notNull().default(sql`'[]'`),
  contactPersonId: text('contact_person_id'),
  contactText: text('contact_text'),
  /** tried-once | repeated | evaluated */
  status: text('status').notNull(),
});

/**
 * A practice a community's detachment or community office proposes: in that community's partition
 * (only its computers and the coordinator hold it). The coordinator's decision (accepted, with the
 * practice it became, or declined, with a reason) is written on it by the coordinator only.
 */
export const practiceProposals = sqliteTable(
  'practice_proposals',
  {
    id: text('id').primaryKey(),
    communityId: text('community_id').notNull(),
    /** The action it was shared from, if any (same community). */
    actionId: text('action_id'),
    ...practiceContent(),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: text('proposed_at').notNull(),
    /** null: waiting; accepted | declined (the coordinator's). */
    decision: text('decision'),
    declineReason: text('decline_reason'),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    /** The published practice an accepted proposal became. */
    practiceId: text('practice_id'),
    deletedAt: deletedAt(),
  },
  (t) => [index('practice_proposals_community').on(t.communityId)],
);

/** A published promising practice: territory data, written by the coordinator only, held by every computer. */
export const practices = sqliteTable('practices', {
  id: text('id').primaryKey(),
  ...practiceContent(),
  /** The proposal it came from, if any (an id of the proposing community's partition). */
  proposalId: text('proposal_id'),
  publishedBy: text('published_by').notNull(),
  publishedAt: text('published_at').notNull(),
  updatedAt: text('updated_at'),
  deletedAt: deletedAt(),
});

// --- The engagement log (issue 14 §1; replicated, partition: its community) ------------------

/**
 * How a community's priorities were set and checked with it: a council meeting, a focus group, a
 * survey… One row per event, in its community's partition; who took part (people and
 * organisations of the community or the territory, and others by name) and the priorities and
 * actions of the community's plans it shaped, by id (PARTITION_REFERENCES keeps them in the partition).
 */
export const engagements = sqliteTable(
  'engagements',
  {
    id: text('id').primaryKey(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    /** The day it took place (YYYY-MM-DD); its fiscal year and quarter are computed from it. */
    date: text('date').notNull(),
    /** One of ENGAGEMENT_KINDS (shared/engagements.ts). */
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    outcomes: text('outcomes'),
    followUps: text('follow_ups'),
    participantPersonIds: json('participant_person_ids').$type<string[]>().notNull().default(sql`'[]'`),
    participantOrganisationIds: json('participant_organisation_ids').$type<string[]>().notNull().default(sql`'[]'`),
    /** Others who took part, as written (e.g. "Youth council, about 20 residents"). */
    otherParticipants: text('other_participants'),
    priorityIds: json('priority_ids').$type<string[]>().notNull().default(sql`'[]'`),
    actionIds: json('action_ids').$type<string[]>().notNull().default(sql`'[]'`),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    deletedAt: deletedAt(),
  },
  (t) => [index('engagements_community_date').on(t.communityId, t.date)],
);

/**
 * The coordinator's review of a submitted quarterly report (issue 14 §4, schema version 4): accepted
 * (the quarter is locked: later edits are amendments) or returned with a reason. One row per review,
 * never changed: the latest one decides where the report stands.
 */
export const reportReviews = sqliteTable(
  'report_reviews',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reportSubmissions.id),
    /** 'accepted' or 'returned' (shared/vocabulary.ts REVIEW_DECISIONS). */
    decision: text('decision').notNull(),
    /** Why it was returned, kept whole; null for an acceptance. */
    reason: text('reason'),
    reviewedBy: text('reviewed_by').notNull(),
    reviewedAt: text('reviewed_at').notNull(),
    deletedAt: deletedAt(),
  },
  (t) => [index('report_reviews_report').on(t.reportId)],
);
