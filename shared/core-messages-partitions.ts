/** Catalogue entries (see core-messages.ts) for partitions and read scope (issue 11 §1). */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const partitionMessages = {
  'partition.territory': { en: 'the territory', fr: 'le territoire' },
  'partition.legacy': { en: 'changes made before communities were kept apart', fr: 'les modifications faites avant la séparation des collectivités' },
  'partition.moveRefused': {
    en: 'This record belongs to {from} and cannot be moved to {to}: a record stays with the community (or the territory) it was created in. Create it again there instead.',
    fr: `Cet enregistrement appartient à {from} et ne peut pas être déplacé vers {to}${NBSP}: un enregistrement reste dans la collectivité (ou le territoire) où il a été créé. Créez-le de nouveau à cet endroit.`,
  },
  'partition.crossReference': {
    en: 'A record of {from} can refer only to records of the same community or territory-wide ones, not to one of {to}. Choose one of {from}, or make the organisation or person territory-wide.',
    fr: `Un enregistrement de {from} ne peut renvoyer qu’à des enregistrements de la même collectivité ou de tout le territoire, pas à un enregistrement de {to}. Choisissez-en un de {from}, ou rendez l’organisation ou la personne commune à tout le territoire.`,
  },
  'partition.unknown': {
    en: 'This change cannot be saved: the record it belongs to is not on this computer, so its community cannot be told.',
    fr: `Cette modification ne peut pas être enregistrée${NBSP}: l’enregistrement auquel elle appartient n’est pas sur cet ordinateur, on ne peut donc pas savoir de quelle collectivité il relève.`,
  },
  'import.outsideReadScope': {
    en: 'This bundle holds changes to {community}, which this computer does not keep (it holds only its own communities and the territory). It was made for another computer. Nothing was imported.',
    fr: `Ce paquet contient des modifications de {community}, que cet ordinateur ne conserve pas (il ne détient que ses propres collectivités et le territoire). Il a été préparé pour un autre ordinateur. Rien n’a été importé.`,
  },
  'import.partitionMismatch': {
    en: 'This bundle is damaged or forged: a change filed under {partition} touches a record of {other}. Nothing was imported.',
    fr: `Ce paquet est endommagé ou falsifié${NBSP}: une modification classée sous {partition} touche un enregistrement de {other}. Rien n’a été importé.`,
  },
  'import.rowMoved': {
    en: 'This bundle would move a record from {from} to {to}; a record stays with the community it was created in. Nothing was imported.',
    fr: `Ce paquet déplacerait un enregistrement de {from} vers {to}${NBSP}; un enregistrement reste dans la collectivité où il a été créé. Rien n’a été importé.`,
  },
  'import.crossReference': {
    en: 'This bundle would make a record of {from} refer to a record of {to}; a record may refer only to its own community or the territory. Nothing was imported.',
    fr: `Ce paquet ferait renvoyer un enregistrement de {from} à un enregistrement de {to}${NBSP}; un enregistrement ne peut renvoyer qu’à sa propre collectivité ou au territoire. Rien n’a été importé.`,
  },
} as const satisfies Record<string, Bilingual>;
