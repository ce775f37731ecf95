CREATE TABLE `engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`outcomes` text,
	`follow_ups` text,
	`participant_person_ids` text DEFAULT '[]' NOT NULL,
	`participant_organisation_ids` text DEFAULT '[]' NOT NULL,
	`other_participants` text,
	`priority_ids` text DEFAULT '[]' NOT NULL,
	`action_ids` text DEFAULT '[]' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `engagements_community_date` ON `engagements` (`community_id`,`date`);