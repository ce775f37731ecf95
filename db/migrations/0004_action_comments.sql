ALTER TABLE `report_comments` ADD `action_id` text;--> statement-breakpoint
ALTER TABLE `report_comments` ADD `author_role` text;--> statement-breakpoint
ALTER TABLE `report_comments` ADD `edited_at` text;--> statement-breakpoint
ALTER TABLE `report_comments` ADD `read_at` text;--> statement-breakpoint
ALTER TABLE `report_comments` ADD `read_by` text;