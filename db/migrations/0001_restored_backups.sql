ALTER TABLE `installation` ADD `backup_copy_at` text;--> statement-breakpoint
ALTER TABLE `installation` ADD `former_installation_ids` text DEFAULT '[]' NOT NULL;