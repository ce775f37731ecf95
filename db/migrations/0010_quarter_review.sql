CREATE TABLE `report_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`reviewed_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`report_id`) REFERENCES `report_submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_reviews_report` ON `report_reviews` (`report_id`);--> statement-breakpoint
ALTER TABLE `report_submissions` ADD `resubmitted_by` text;--> statement-breakpoint
ALTER TABLE `report_submissions` ADD `resubmitted_at` text;--> statement-breakpoint
ALTER TABLE `report_submissions` ADD `resubmitted_after` text;