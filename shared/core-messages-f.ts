/** Catalogue entries (see core-messages.ts) for backups the person can use (contract-backups.ts, issue 12 §6). */
import type { Bilingual } from './core-messages';

const NB = '\u00a0';

export const backupMessages = {
  'noun.backup file': { en: 'backup file', fr: 'le fichier de sauvegarde' },
  'noun.backup folder': { en: 'backup folder', fr: 'le dossier des sauvegardes' },

  // Refusals before anything is changed: the database stays as it was.
  'backups.fileMissing': {
    en: 'There is no backup at {file}. If it is on a USB stick, plug the stick in and try again. Nothing was changed.',
    fr: `Aucune sauvegarde ne se trouve à {file}. Si elle est sur une clé USB, branchez la clé et réessayez. Rien n’a été modifié.`,
  },
  'backups.notADatabase': {
    en: 'The file {file} is not a planner backup: it is not a database file. Nothing was changed.',
    fr: `Le fichier {file} n’est pas une sauvegarde du planificateur${NB}: ce n’est pas un fichier de base de données. Rien n’a été modifié.`,
  },
  'backups.damaged': {
    en: 'The backup {file} is damaged and cannot be restored. Nothing was changed; choose another backup.',
    fr: `La sauvegarde {file} est endommagée et ne peut pas être restaurée. Rien n’a été modifié${NB}; choisissez une autre sauvegarde.`,
  },
  'backups.notPlanner': {
    en: 'The file {file} is a database of another program, not a Community Safety Planner backup. Nothing was changed.',
    fr: `Le fichier {file} est une base de données d’un autre programme, pas une sauvegarde du Planificateur de la sécurité communautaire. Rien n’a été modifié.`,
  },
  'backups.newerVersion': {
    en: 'This backup was made by a newer version of the planner. Update the planner on this computer first, then restore it. Nothing was changed.',
    fr: `Cette sauvegarde a été faite par une version plus récente du planificateur. Mettez d’abord le planificateur à jour sur cet ordinateur, puis restaurez-la. Rien n’a été modifié.`,
  },
  'backups.notSetUp': {
    en: 'This computer is not set up yet, so there is nothing to restore into. Set it up (or join the territory) first. Nothing was changed.',
    fr: `Cet ordinateur n’est pas encore configuré${NB}: il n’y a rien à restaurer. Configurez-le (ou rejoignez le territoire) d’abord. Rien n’a été modifié.`,
  },
  'backups.otherComputer': {
    en: 'This backup was made on another computer ({name}). A backup can only be restored on the computer that made it, because its identity is tied to that computer’s private key. Nothing was changed.',
    fr: `Cette sauvegarde a été faite sur un autre ordinateur ({name}). Une sauvegarde ne peut être restaurée que sur l’ordinateur qui l’a faite, car son identité est liée à la clé privée de cet ordinateur. Rien n’a été modifié.`,
  },
  'backups.otherTerritory': {
    en: 'This backup belongs to another territory than this computer’s. Nothing was changed.',
    fr: `Cette sauvegarde appartient à un autre territoire que celui de cet ordinateur. Rien n’a été modifié.`,
  },
  'backups.demoMismatch': {
    en: 'A backup of the demo cannot replace real data, nor real data the demo. Nothing was changed.',
    fr: `Une sauvegarde de la démonstration ne peut pas remplacer des données réelles, ni l’inverse. Rien n’a été modifié.`,
  },
  'backups.isLiveDatabase': {
    en: 'That file is the database in use, not a backup. Choose a backup from the list. Nothing was changed.',
    fr: `Ce fichier est la base de données en usage, pas une sauvegarde. Choisissez une sauvegarde dans la liste. Rien n’a été modifié.`,
  },
  'backups.databaseBusy': {
    en: 'Another program has the database open (perhaps the command line). Close it, then restore again. Nothing was changed.',
    fr: `Un autre programme utilise la base de données (peut-être la ligne de commande). Fermez-le, puis restaurez de nouveau. Rien n’a été modifié.`,
  },
  'backups.putBack': {
    en: 'The restored database did not pass its check, so the database was put back exactly as it was before. Nothing was lost; choose another backup.',
    fr: `La base de données restaurée n’a pas passé la vérification${NB}: la base de données a été remise exactement comme avant. Rien n’a été perdu${NB}; choisissez une autre sauvegarde.`,
  },

  // The backup folder.
  'backups.folderMissing': {
    en: 'The folder {folder} cannot be found. Plug in the USB stick, or choose another folder.',
    fr: `Le dossier {folder} est introuvable. Branchez la clé USB ou choisissez un autre dossier.`,
  },
  'backups.folderNotWritable': {
    en: 'The planner cannot write to the folder {folder}. Choose another folder.',
    fr: `Le planificateur ne peut pas écrire dans le dossier {folder}. Choisissez un autre dossier.`,
  },
  'backups.noDialog': {
    en: 'Choosing a folder needs the desktop app; type the folder’s path instead.',
    fr: `Le choix d’un dossier demande l’application de bureau${NB}; saisissez plutôt le chemin du dossier.`,
  },
  'backups.noFileDialog': {
    en: 'Choosing a file needs the desktop app; type the backup file’s path instead.',
    fr: `Le choix d’un fichier demande l’application de bureau${NB}; saisissez plutôt le chemin du fichier de sauvegarde.`,
  },
} as const satisfies Record<string, Bilingual>;
