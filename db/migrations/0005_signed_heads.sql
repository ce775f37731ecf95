CREATE TABLE `chain_heads` (
	`origin` text NOT NULL,
	`partition` text NOT NULL,
	`chain_seq` integer NOT NULL,
	`chain` text NOT NULL,
	`head_seq` integer,
	`head_chain` text,
	`head_signature` text,
	PRIMARY KEY(`origin`, `partition`)
);
--> statement-breakpoint
CREATE TABLE `imported_bundles` (
	`digest` text PRIMARY KEY NOT NULL,
	`bundle_id` text NOT NULL,
	`imported_at` text NOT NULL
);
