CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`priority_id` text NOT NULL,
	`rank` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`owner` text NOT NULL,
	`lead_person_id` text,
	`lead_name` text,
	`partner_organisation_ids` text DEFAULT '[]' NOT NULL,
	`planned_quarters` text DEFAULT '[]' NOT NULL,
	`commitment_ids` text DEFAULT '[]' NOT NULL,
	`continues_action_id` text,
	`deleted_at` text,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_priority` ON `actions` (`priority_id`);--> statement-breakpoint
CREATE INDEX `actions_continues` ON `actions` (`continues_action_id`);--> statement-breakpoint
CREATE TABLE `change_ops` (
	`op_id` text PRIMARY KEY NOT NULL,
	`changeset_id` text NOT NULL,
	`position` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`pred` text DEFAULT '[]' NOT NULL,
	`hlc` text NOT NULL,
	FOREIGN KEY (`changeset_id`) REFERENCES `changesets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_ops_row` ON `change_ops` (`table_name`,`row_id`,`field`);--> statement-breakpoint
CREATE INDEX `change_ops_changeset` ON `change_ops` (`changeset_id`);--> statement-breakpoint
CREATE TABLE `changesets` (
	`id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`actor` text NOT NULL,
	`method` text NOT NULL,
	`schema_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`body` text NOT NULL,
	`signature` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `changesets_origin_seq` ON `changesets` (`origin`,`seq`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`lead_department` text NOT NULL,
	`priority_area` text,
	`status` text NOT NULL,
	`related_commitment_ids` text DEFAULT '[]' NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`has_detachment` integer NOT NULL,
	`served_by_detachment_id` text,
	`deleted_at` text,
	FOREIGN KEY (`served_by_detachment_id`) REFERENCES `detachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `communities_detachment` ON `communities` (`served_by_detachment_id`);--> statement-breakpoint
CREATE TABLE `detachments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`community_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `exchanges` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`bundle_id` text NOT NULL,
	`peer_installation_id` text,
	`peer_name` text,
	`file` text NOT NULL,
	`at` text NOT NULL,
	`changeset_count` integer NOT NULL,
	`new_changeset_count` integer NOT NULL,
	`encrypted` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `field_heads` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`op_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `field`, `op_id`)
);
--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` text PRIMARY KEY NOT NULL,
	`indicator_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`deleted_at` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_values_indicator` ON `indicator_values` (`indicator_id`,`fiscal_year`,`quarter`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`priority_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`baseline` real,
	`target` real,
	`direction` text NOT NULL,
	`source` text,
	`continues_indicator_id` text,
	`deleted_at` text,
	FOREIGN KEY (`priority_id`) REFERENCES `priorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicators_priority` ON `indicators` (`priority_id`);--> statement-breakpoint
CREATE TABLE `installation` (
	`key` integer PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`name` text NOT NULL,
	`user_name` text NOT NULL,
	`role` text NOT NULL,
	`scope_community_ids` text DEFAULT '[]' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`report_due_days` integer DEFAULT 30 NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`public_key` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`commitment_id` text NOT NULL,
	`title` text NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestones_commitment` ON `milestones` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `op_preds` (
	`op_id` text NOT NULL,
	`pred_op_id` text NOT NULL,
	PRIMARY KEY(`pred_op_id`, `op_id`)
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`community_id` text,
	`deleted_at` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `peers` (
	`installation_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`scope_community_ids` text,
	`trusted_at` text,
	`revoked_at` text,
	`introduced_by` text,
	`acknowledged` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pending_rows` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`organisation_id` text,
	`community_id` text,
	`deleted_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`reason` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_by` text,
	`closed_at` text,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_revisions_plan` ON `plan_revisions` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text,
	`status` text NOT NULL,
	`community_signatory` text,
	`community_signed_on` text,
	`detachment_signatory` text,
	`detachment_signed_on` text,
	`copied_from_plan_id` text,
	`deleted_at` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plans_community_year` ON `plans` (`community_id`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `plans_year` ON `plans` (`fiscal_year`);--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`rank` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`theme_ids` text DEFAULT '[]' NOT NULL,
	`zone` text NOT NULL,
	`continues_priority_id` text,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `priorities_plan` ON `priorities` (`plan_id`);--> statement-breakpoint
CREATE TABLE `progress_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`status` text NOT NULL,
	`narrative` text NOT NULL,
	`next_steps` text,
	`author` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_entries_action` ON `progress_entries` (`action_id`,`fiscal_year`,`quarter`);--> statement-breakpoint
CREATE TABLE `report_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`report_id`) REFERENCES `report_submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_comments_report` ON `report_comments` (`report_id`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`quarter` integer NOT NULL,
	`state` text NOT NULL,
	`submitted_by` text,
	`submitted_at` text,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_submissions_plan` ON `report_submissions` (`plan_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_code_unique` ON `themes` (`code`);