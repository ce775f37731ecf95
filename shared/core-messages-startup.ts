/**
 * What the adapters (Electron main, the preload, the CLI, the browser harness) say themselves:
 * refusals at the door before a call reaches the core, and the failures to start or to open the
 * database, classified once in electron/core/open-failure.ts and worded here per adapter (a window
 * says "start the planner again", a terminal names the file and the command to run).
 * Keys `open.<adapter>.<failure code>` are looked up by electron/core/open-failure.ts; every code
 * needs an entry for each adapter.
 */
export const startupMessages = {
  'adapter.refusedSender': {
    en: 'This request did not come from the planner window, so it was refused.',
    fr: 'Cette demande ne vient pas de la fenêtre du planificateur; elle a donc été refusée.',
  },
  'adapter.unexpectedFailure': {
    en: 'Something unexpected went wrong while handling this request; nothing was changed by it. Try again, and if it keeps happening, restart the planner.',
    fr: 'Un problème inattendu est survenu pendant le traitement de cette demande; elle n’a rien modifié. Réessayez et, si le problème persiste, redémarrez le planificateur.',
  },
  'adapter.noMethodName': { en: 'The request does not name a method.', fr: 'La demande ne nomme aucune méthode.' },
  'adapter.unknownMethod': { en: 'The planner has no method called "{method}".', fr: 'Le planificateur n’a aucune méthode appelée «\u00a0{method}\u00a0».' },
  'adapter.notPassedOn': {
    en: 'The planner could not pass this request on: its data could not be sent to the database process.',
    fr: 'Le planificateur n’a pas pu transmettre cette demande\u00a0: ses données n’ont pas pu être envoyées au processus de la base de données.',
  },
  'startup.restoredCopy': {
    en: 'This database was restored from a backup: it continues as installation {installationId} (formerly {formerId}).',
    fr: 'Cette base de données a été restaurée à partir d’une sauvegarde\u00a0: elle continue comme l’installation {installationId} (auparavant {formerId}).',
  },

  'startup.couldNotStart': { en: 'The planner could not start', fr: 'Le planificateur n’a pas pu démarrer' },
  'startup.stopped': { en: 'The planner stopped', fr: 'Le planificateur s’est arrêté' },
  'startup.stoppedBody': {
    en: 'Something unexpected went wrong and the planner has to close. Your saved work is kept; start the planner again.',
    fr: 'Un problème inattendu est survenu et le planificateur doit se fermer. Votre travail enregistré est conservé; redémarrez le planificateur.',
  },
  'startup.unexpected': {
    en: 'Something unexpected went wrong while the planner was starting. Start it again; if this keeps happening, send the log to your support person.',
    fr: 'Un problème inattendu est survenu au démarrage du planificateur. Redémarrez-le; si le problème persiste, envoyez le journal à votre personne de soutien.',
  },
  'startup.missingRenderer': {
    en: 'The planner\'s screens are missing from this installation ({folder}). Reinstall the planner; developers: build the renderer first.',
    fr: 'Les écrans du planificateur manquent dans cette installation ({folder}). Réinstallez le planificateur; développeurs\u00a0: construisez d’abord les écrans (npm run build:renderer).',
  },

  // The desktop app, in its failure dialog.
  'open.app.wrong_engine': {
    en: 'The database engine in this installation was built for a different version of Electron. Run `npm run rebuild:electron` (for developers), or reinstall the planner.',
    fr: 'Le moteur de base de données de cette installation a été construit pour une autre version d’Electron. Exécutez `npm run rebuild:electron` (pour les développeurs) ou réinstallez le planificateur.',
  },
  'open.app.file_refused': { en: '{detail}', fr: '{detail}' },
  'open.app.busy': {
    en: 'The planner\'s database ({file}) is in use by another program. Close it and start the planner again.',
    fr: 'La base de données du planificateur ({file}) est utilisée par un autre programme. Fermez-le et redémarrez le planificateur.',
  },
  'open.app.damaged': {
    en: 'The planner\'s database ({file}) is damaged. Copies made before each update are in the "backups" folder beside it; ask your support person to restore the latest one.',
    fr: 'La base de données du planificateur ({file}) est endommagée. Des copies faites avant chaque mise à jour se trouvent dans le dossier «\u00a0backups\u00a0» à côté; demandez à votre personne de soutien de restaurer la plus récente.',
  },
  'open.app.not_a_database': {
    en: 'The planner\'s database ({file}) is damaged. Copies made before each update are in the "backups" folder beside it; ask your support person to restore the latest one.',
    fr: 'La base de données du planificateur ({file}) est endommagée. Des copies faites avant chaque mise à jour se trouvent dans le dossier «\u00a0backups\u00a0» à côté; demandez à votre personne de soutien de restaurer la plus récente.',
  },
  'open.app.not_allowed': {
    en: 'The planner is not allowed to write its database at {file}. Check that this folder is writable, then start the planner again.',
    fr: 'Le planificateur n’a pas le droit d’écrire sa base de données à {file}. Vérifiez que ce dossier est accessible en écriture, puis redémarrez le planificateur.',
  },
  'open.app.disk_full': {
    en: 'The disk is full, so the planner cannot open its database. Free some space, then start the planner again.',
    fr: 'Le disque est plein, le planificateur ne peut donc pas ouvrir sa base de données. Libérez de l’espace, puis redémarrez le planificateur.',
  },
  'open.app.unknown': {
    en: 'The planner could not open its database at {file}. Nothing was changed. Start the planner again; if this keeps happening, send the log to your support person.',
    fr: 'Le planificateur n’a pas pu ouvrir sa base de données à {file}. Rien n’a été modifié. Redémarrez le planificateur; si le problème persiste, envoyez le journal à votre personne de soutien.',
  },

  // The command line, on stderr.
  'open.cli.is_folder': { en: 'The database path {file} is a folder, not a file.', fr: 'Le chemin de la base de données {file} est un dossier, pas un fichier.' },
  'open.cli.missing': {
    en: 'There is no database at {file}. Create it with "init" (add --demo for a demo territory), or give another file with --db.',
    fr: 'Il n’y a aucune base de données à {file}. Créez-la avec «\u00a0init\u00a0» (ajoutez --demo pour un territoire de démonstration) ou indiquez un autre fichier avec --db.',
  },
  'open.cli.wrong_engine': { en: 'The database at {file} could not be opened: {detail}', fr: 'La base de données à {file} n’a pas pu être ouverte\u00a0: {detail}' },
  'open.cli.file_refused': { en: '{detail}', fr: '{detail}' },
  'open.cli.busy': {
    en: 'The database at {file} is busy: another program is writing to it. Try again in a moment.',
    fr: 'La base de données à {file} est occupée\u00a0: un autre programme y écrit. Réessayez dans un moment.',
  },
  'open.cli.damaged': {
    en: 'The database at {file} is damaged. Restore a backup from the backups folder beside it.',
    fr: 'La base de données à {file} est endommagée. Restaurez une sauvegarde du dossier backups à côté.',
  },
  'open.cli.not_a_database': {
    en: '{file} is not a planner database (it is not an SQLite file).',
    fr: '{file} n’est pas une base de données du planificateur (ce n’est pas un fichier SQLite).',
  },
  'open.cli.not_allowed': {
    en: 'The database at {file} cannot be opened: check that the folder exists and that you may read and write it.',
    fr: 'La base de données à {file} ne peut pas être ouverte\u00a0: vérifiez que le dossier existe et que vous pouvez le lire et y écrire.',
  },
  'open.cli.disk_full': { en: 'The disk is full: free space on {folder} and try again.', fr: 'Le disque est plein\u00a0: libérez de l’espace sur {folder} et réessayez.' },
  'open.cli.unknown': { en: 'The database at {file} could not be opened: {detail}', fr: 'La base de données à {file} n’a pas pu être ouverte\u00a0: {detail}' },
} as const;
