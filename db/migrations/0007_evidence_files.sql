CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`hash` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `attachments_record` ON `attachments` (`record_kind`,`record_id`);--> statement-breakpoint
CREATE INDEX `attachments_hash` ON `attachments` (`hash`);--> statement-breakpoint
CREATE TABLE `file_blobs` (
	`hash` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`stored_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `file_deliveries` (
	`peer_id` text NOT NULL,
	`hash` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`peer_id`, `hash`)
);
