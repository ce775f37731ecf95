CREATE TABLE `row_partitions` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`partition` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `row_partitions_partition` ON `row_partitions` (`partition`);--> statement-breakpoint
CREATE TABLE `unknown_fields` (
	`table_name` text NOT NULL,
	`field` text NOT NULL,
	`first_seen_at` text NOT NULL,
	PRIMARY KEY(`table_name`, `field`)
);
--> statement-breakpoint
DROP INDEX `changesets_origin_seq`;--> statement-breakpoint
ALTER TABLE `changesets` ADD `partition` text DEFAULT '*' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `changesets_origin_partition_seq` ON `changesets` (`origin`,`partition`,`seq`);--> statement-breakpoint
ALTER TABLE `installation` ADD `encryption_public_key` text;--> statement-breakpoint
-- Acknowledgements were kept per origin; they are now per (origin, partition). Forgetting them only
-- makes the next bundle to each peer larger (repeats are ignored), never loses anything.
UPDATE `peers` SET `acknowledged` = '{}';