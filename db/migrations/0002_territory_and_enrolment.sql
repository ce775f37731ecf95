CREATE TABLE `certificates` (
	`serial` text PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`territory_id` text NOT NULL,
	`body` text NOT NULL,
	`signature` text NOT NULL,
	`issued_at` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `certificates_installation` ON `certificates` (`installation_id`);--> statement-breakpoint
CREATE TABLE `enrolment_requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`body` text NOT NULL,
	`received_at` text NOT NULL,
	`certificate_serial` text
);
--> statement-breakpoint
CREATE TABLE `progress_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`progress_entry_id` text NOT NULL,
	`amended_by` text NOT NULL,
	`amended_at` text NOT NULL,
	`previous_status` text NOT NULL,
	`previous_narrative` text NOT NULL,
	`previous_next_steps` text,
	`deleted_at` text,
	FOREIGN KEY (`progress_entry_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_amendments_entry` ON `progress_amendments` (`progress_entry_id`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL,
	`retired_at` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `revocations` (
	`serial` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`signature` text NOT NULL,
	`revoked_at` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `territory` (
	`key` integer PRIMARY KEY NOT NULL,
	`territory_id` text NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`key_history` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `commitments` ADD `title_fr` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `description_en` text;--> statement-breakpoint
ALTER TABLE `commitments` ADD `description_fr` text;--> statement-breakpoint
ALTER TABLE `communities` ADD `other_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `communities` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `detachments` ADD `name_fr` text;--> statement-breakpoint
ALTER TABLE `detachments` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `installation` ADD `territory_id` text;--> statement-breakpoint
ALTER TABLE `installation` ADD `certificate_serial` text;--> statement-breakpoint
ALTER TABLE `installation` ADD `is_demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `milestones` ADD `title_fr` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `people` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `themes` ADD `retired_at` text;