-- Issue 13: the change log stores each fact once. Hand-edited after drizzle-kit generate: the
-- data is carried over (bodies stay text here and are deflated by the planner at its next opening,
-- db/changeset-text.ts), `ops` is WITHOUT ROWID, and the layout before this
-- migration stays readable through the views `change_ops` and `field_heads`.
CREATE TABLE `__new_changesets` (
	`n` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`origin` text NOT NULL,
	`partition` text DEFAULT '*' NOT NULL,
	`seq` integer NOT NULL,
	`hlc` text NOT NULL,
	`actor` text NOT NULL,
	`method` text NOT NULL,
	`schema_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`body` blob NOT NULL,
	`signature` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_changesets` (`id`, `origin`, `partition`, `seq`, `hlc`, `actor`, `method`, `schema_version`, `created_at`, `body`, `signature`, `received_at`)
  SELECT `id`, `origin`, `partition`, `seq`, `hlc`, `actor`, `method`, `schema_version`, `created_at`, `body`, `signature`, `received_at` FROM `changesets` ORDER BY rowid;
--> statement-breakpoint
CREATE TABLE `op_fields` (
	`k` integer PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`field` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `op_fields_name` ON `op_fields` (`table_name`,`field`);
--> statement-breakpoint
INSERT INTO `op_fields` (`table_name`, `field`) SELECT DISTINCT `table_name`, `field` FROM `change_ops` ORDER BY `table_name`, `field`;
--> statement-breakpoint
CREATE TABLE `ops` (
	`cs` integer NOT NULL,
	`position` integer NOT NULL,
	`field_key` integer NOT NULL,
	`row_id` text NOT NULL,
	`value` text NOT NULL,
	`head` integer NOT NULL,
	PRIMARY KEY(`cs`, `position`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `ops` (`cs`, `position`, `field_key`, `row_id`, `value`, `head`)
  SELECT c.`n`, o.`position`, f.`k`, o.`row_id`, o.`value`,
         EXISTS (SELECT 1 FROM `field_heads` h WHERE h.`table_name` = o.`table_name` AND h.`row_id` = o.`row_id` AND h.`field` = o.`field` AND h.`op_id` = o.`op_id`)
    FROM `change_ops` o
    JOIN `__new_changesets` c ON c.`id` = o.`changeset_id`
    JOIN `op_fields` f ON f.`table_name` = o.`table_name` AND f.`field` = o.`field`
   ORDER BY c.`n`, o.`position`;
--> statement-breakpoint
CREATE INDEX `ops_row` ON `ops` (`row_id`,`field_key`,`head`);
--> statement-breakpoint
DROP TABLE `field_heads`;
--> statement-breakpoint
DROP TABLE `change_ops`;
--> statement-breakpoint
DROP TABLE `changesets`;
--> statement-breakpoint
ALTER TABLE `__new_changesets` RENAME TO `changesets`;
--> statement-breakpoint
CREATE UNIQUE INDEX `changesets_id` ON `changesets` (`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `changesets_origin_partition_seq` ON `changesets` (`origin`,`partition`,`seq`);
--> statement-breakpoint
CREATE VIEW `change_ops` AS
  SELECT c.`id` || '.' || o.`position` AS `op_id`, c.`id` AS `changeset_id`, o.`position`, f.`table_name`, o.`row_id`, f.`field`, o.`value`, c.`hlc`, o.`head`
    FROM `ops` o JOIN `changesets` c ON c.`n` = o.`cs` JOIN `op_fields` f ON f.`k` = o.`field_key`;
--> statement-breakpoint
CREATE VIEW `field_heads` AS
  SELECT f.`table_name`, o.`row_id`, f.`field`, c.`id` || '.' || o.`position` AS `op_id`
    FROM `ops` o JOIN `op_fields` f ON f.`k` = o.`field_key` JOIN `changesets` c ON c.`n` = o.`cs`
   WHERE o.`head` = 1;
