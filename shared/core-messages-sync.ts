/** Catalogue entries (see core-messages.ts) for plan bundles, peers, conflicts and signing keys. */
import type { Bilingual } from './core-messages';

export const syncMessages = {
  'sync.signingKeyUnavailable': {
    en: "This database's signing key is kept by the desktop app (in the system's key store), so changes cannot be made from here. Use the desktop app, or give the command line a database of its own with --db.",
    fr: 'La clé de signature de cette base de données est gardée par l’application de bureau (dans le magasin de clés du système)\u00a0: aucune modification n’est donc possible d’ici. Utilisez l’application de bureau, ou donnez à la ligne de commande sa propre base de données avec --db.',
  },

  'files.noDialog': {
    en: 'This computer cannot show a file dialog here.',
    fr: 'Cet ordinateur ne peut pas afficher de fenêtre de choix de fichier ici.',
  },
  'files.noWindow': {
    en: 'The planner window is not open, so no file dialog can be shown.',
    fr: 'La fenêtre du planificateur n’est pas ouverte\u00a0: aucune boîte de dialogue de fichier ne peut s’afficher.',
  },

  // Peers.
  'peer.notSeen': {
    en: 'No bundle from a computer with that fingerprint has been seen here yet. Import its bundle with "trust new sender" instead, after checking the fingerprint with the sender.',
    fr: 'Aucun paquet de plans d’un ordinateur ayant cette empreinte n’a encore été reçu ici. Importez plutôt son paquet en choisissant de faire confiance au nouvel expéditeur, après avoir vérifié l’empreinte auprès de celui-ci.',
  },
  'peer.unknown': { en: 'No peer with that fingerprint is known here.', fr: 'Aucun ordinateur partenaire ayant cette empreinte n’est connu ici.' },

  // Conflicts.
  'conflict.notFound': {
    en: 'That conflict was not found. It may have been resolved already, here or on another computer.',
    fr: 'Ce conflit est introuvable. Il a peut-être déjà été réglé, ici ou sur un autre ordinateur.',
  },
  'conflict.pickOrType': { en: 'Choose one version to keep, or type a merged value — not both.', fr: 'Choisissez une version à garder, ou tapez une valeur fusionnée — pas les deux.' },
  'conflict.versionUnknown': { en: 'That version is not one of the versions in this conflict.', fr: 'Cette version ne fait pas partie des versions de ce conflit.' },
  'conflict.removalChoice': {
    en: 'For a removal, choose to keep the row removed or to keep the edits.',
    fr: 'Pour un retrait, choisissez de garder l’élément retiré ou de garder les modifications.',
  },
  'conflict.mergeTooLong': { en: 'The merged text is too long: at most {max:number} characters.', fr: 'Texte fusionné trop long\u00a0: au plus {max:number}\u00a0caractères.' },
  'conflict.mergeNumber': { en: 'This value must be a number.', fr: 'Cette valeur doit être un nombre.' },
  'conflict.mergeNotTypeable': {
    en: 'This kind of value cannot be typed in; pick one of the versions instead.',
    fr: 'Ce type de valeur ne peut pas être tapé; choisissez plutôt l’une des versions.',
  },
  'conflict.mergeOneOf': { en: 'The value must be one of: {values}.', fr: 'La valeur doit être l’une des suivantes\u00a0: {values}.' },

  // Writing a bundle.
  'export.recipient': {
    en: 'Choose who the bundle is for, or make a full bundle — one of the two.',
    fr: 'Choisissez le destinataire du paquet, ou faites un paquet complet — l’un ou l’autre.',
  },
  'export.passphrase': {
    en: 'Choose a passphrase of at least {min} characters, and give it to the recipient another way (by phone, not in the same email).',
    fr: 'Choisissez une phrase de passe d’au moins {min}\u00a0caractères, et transmettez-la au destinataire par un autre moyen (par téléphone, pas dans le même courriel).',
  },
  'export.extension': { en: 'The file name must end in {extension}.', fr: 'Le nom du fichier doit se terminer par {extension}.' },
  'export.unknownPeer': {
    en: 'That peer is not known here. Import a bundle from it first, or make a full bundle.',
    fr: 'Cet ordinateur partenaire n’est pas connu ici. Importez d’abord un de ses paquets, ou faites un paquet complet.',
  },
  'export.diskFull': { en: 'The bundle could not be written to {target}: the disk or stick is full.', fr: 'Le paquet n’a pas pu être écrit dans {target}\u00a0: le disque ou la clé est plein.' },
  'export.notWritable': {
    en: 'The bundle could not be written to {target}: the folder cannot be written to.',
    fr: 'Le paquet n’a pas pu être écrit dans {target}\u00a0: impossible d’écrire dans ce dossier.',
  },

  // Reading a bundle file.
  'bundle.tooLarge': { en: 'This file is too large to be a plan bundle (over {megabytes} MB).', fr: 'Ce fichier est trop gros pour être un paquet de plans (plus de {megabytes}\u00a0Mo).' },
  'bundle.notABundle': { en: 'This file is not a plan bundle.', fr: 'Ce fichier n’est pas un paquet de plans.' },
  'bundle.newerVersion': {
    en: 'This bundle was made by a newer version of the planner (format {version}). Update the planner to read it.',
    fr: 'Ce paquet a été fait par une version plus récente du planificateur (format {version}). Mettez le planificateur à jour pour le lire.',
  },
  'bundle.headerDamaged': { en: 'This plan bundle is damaged (its header is cut or malformed).', fr: 'Ce paquet de plans est endommagé (son en-tête est tronqué ou mal formé).' },
  'bundle.encryptionSettings': {
    en: 'This plan bundle asks for encryption settings the planner does not accept.',
    fr: 'Ce paquet de plans demande des paramètres de chiffrement que le planificateur n’accepte pas.',
  },
  'bundle.passphraseRequired': { en: 'This bundle is encrypted. Enter the passphrase the sender gave you.', fr: 'Ce paquet est chiffré. Entrez la phrase de passe que l’expéditeur vous a donnée.' },
  'bundle.cutShort': { en: 'This plan bundle is damaged (it is cut short).', fr: 'Ce paquet de plans est endommagé (il est tronqué).' },
  'bundle.wrongPassphrase': {
    en: 'The passphrase is wrong, or the file was damaged or changed on the way. Check the passphrase with the sender.',
    fr: 'La phrase de passe est erronée, ou le fichier a été endommagé ou modifié en route. Vérifiez la phrase de passe auprès de l’expéditeur.',
  },
  'bundle.unpacksTooBig': { en: 'This plan bundle unpacks to more data than the planner accepts.', fr: 'Une fois décompressé, ce paquet de plans contient plus de données que le planificateur n’en accepte.' },
  'bundle.cannotUnpack': { en: 'This plan bundle is damaged (its content cannot be unpacked).', fr: 'Ce paquet de plans est endommagé (son contenu ne peut pas être décompressé).' },
  'bundle.holdsTooMuch': { en: 'This plan bundle holds more than the planner accepts.', fr: 'Ce paquet de plans contient plus que ce que le planificateur accepte.' },
  'bundle.nestedTooDeep': {
    en: 'This plan bundle is damaged: it holds data nested more than {max:number} levels deep, which no plan has. Ask the sender for a new copy.',
    fr: 'Ce paquet de plans est endommagé\u00a0: il contient des données imbriquées sur plus de {max:number}\u00a0niveaux, ce qu’aucun plan ne comporte. Demandez une nouvelle copie à l’expéditeur.',
  },
  'bundle.contentsUnreadable': { en: 'This plan bundle is damaged: its contents cannot be read.', fr: 'Ce paquet de plans est endommagé\u00a0: son contenu est illisible.' },

  // Importing a bundle.
  'import.onlyExtension': { en: 'Only {extension} files can be imported.', fr: 'Seuls les fichiers {extension} peuvent être importés.' },
  'import.folder': { en: 'That is a folder, not a plan bundle file.', fr: 'C’est un dossier, pas un fichier de paquet de plans.' },
  'import.notAFile': {
    en: 'That is not a file (it is a pipe or a device), so it cannot be a plan bundle. Choose the .planbundle file itself.',
    fr: 'Ce n’est pas un fichier (c’est un tube ou un périphérique)\u00a0: ce ne peut pas être un paquet de plans. Choisissez le fichier .planbundle lui-même.',
  },
  'import.fileNotFound': { en: 'The file {file} was not found.', fr: 'Le fichier {file} est introuvable.' },
  'import.damaged': {
    en: 'This plan bundle is damaged or incomplete (it may have been cut short while copying). Ask the sender for a new copy.',
    fr: 'Ce paquet de plans est endommagé ou incomplet (il a peut-être été tronqué pendant la copie). Demandez une nouvelle copie à l’expéditeur.',
  },
  'import.badSignature': {
    en: "This bundle's signature does not match its content: it was altered after it was made. Do not import it.",
    fr: 'La signature de ce paquet ne correspond pas à son contenu\u00a0: il a été modifié après sa création. Ne l’importez pas.',
  },
  'import.ownBundle': {
    en: 'This bundle was made on this computer; there is nothing in it to import here.',
    fr: 'Ce paquet a été fait sur cet ordinateur; il ne contient rien à importer ici.',
  },
  'import.senderKeyChanged': {
    en: 'This bundle claims to come from "{name}", but it is signed with a different key. Someone may be impersonating them; check with the sender before trusting the new key.\nFingerprint of the key that signed it: {fingerprint}.\nFingerprint trusted here: {expected}.',
    fr: 'Ce paquet dit provenir de «\u00a0{name}\u00a0», mais il est signé avec une autre clé. Quelqu’un se fait peut-être passer pour cet ordinateur; vérifiez auprès de l’expéditeur avant de faire confiance à la nouvelle clé.\nEmpreinte de la clé qui l’a signé\u00a0: {fingerprint}.\nEmpreinte reconnue ici\u00a0: {expected}.',
  },
  'import.senderRevoked': {
    en: 'Bundles from "{name}" are no longer accepted here (trust was withdrawn on {date}).',
    fr: 'Les paquets de «\u00a0{name}\u00a0» ne sont plus acceptés ici (la confiance a été retirée le {date}).',
  },
  'import.untrustedSender': {
    en: 'This bundle comes from "{name}", which this computer has not trusted yet. Check the fingerprint of its key (below) with the sender, by phone, then import again choosing to trust the new sender.\nFingerprint of the sender\'s key: {fingerprint}.',
    fr: 'Ce paquet provient de «\u00a0{name}\u00a0», à qui cet ordinateur n’a pas encore fait confiance. Vérifiez l’empreinte de sa clé (ci-dessous) auprès de l’expéditeur, par téléphone, puis importez de nouveau en choisissant de faire confiance au nouvel expéditeur.\nEmpreinte de la clé de l’expéditeur\u00a0: {fingerprint}.',
  },
  'import.forgedOwnChanges': {
    en: 'This bundle carries changes said to be made on this computer, signed with another key. Do not import it.',
    fr: 'Ce paquet contient des modifications censées avoir été faites sur cet ordinateur, mais signées avec une autre clé. Ne l’importez pas.',
  },
  'import.originKeyChanged': {
    en: 'This bundle carries changes from "{name}" signed with a different key than the one trusted here. Nothing was imported.\nFingerprint of the key that signed them: {fingerprint}.\nFingerprint trusted here: {expected}.',
    fr: 'Ce paquet contient des modifications de «\u00a0{name}\u00a0» signées avec une autre clé que celle qui est reconnue ici. Rien n’a été importé.\nEmpreinte de la clé qui les a signées\u00a0: {fingerprint}.\nEmpreinte reconnue ici\u00a0: {expected}.',
  },
  'import.senderKeyForged': {
    en: "The sender's own changes are signed with a key that is not the sender's. Do not import this bundle.",
    fr: 'Les modifications de l’expéditeur sont signées avec une clé qui n’est pas la sienne. N’importez pas ce paquet.',
  },
  'import.unreadableChange': {
    en: 'This bundle holds a change the planner cannot read. Ask the sender for a new copy.',
    fr: 'Ce paquet contient une modification que le planificateur ne peut pas lire. Demandez une nouvelle copie à l’expéditeur.',
  },
  'import.unsignedOrigin': {
    en: 'A change in this bundle comes from a computer whose key the bundle does not carry: it cannot be checked. Nothing was imported.',
    fr: 'Une modification de ce paquet provient d’un ordinateur dont le paquet ne contient pas la clé\u00a0: elle ne peut pas être vérifiée. Rien n’a été importé.',
  },
  'import.changeRejected': {
    en: 'A change in this bundle cannot be accepted: {problem}. Nothing was imported.',
    fr: 'Une modification de ce paquet ne peut pas être acceptée\u00a0: {problem}. Rien n’a été importé.',
  },
  'import.valueRejected': {
    en: 'A change in this bundle sets a value the planner does not accept ({table}.{field}). {rule} Nothing was imported.',
    fr: 'Une modification de ce paquet donne une valeur que le planificateur n’accepte pas ({table}.{field}). {rule} Rien n’a été importé.',
  },
  'import.newerChange': {
    en: 'This bundle holds changes made by a newer version of the planner. Update the planner on this computer, then import the bundle again. Nothing was imported.',
    fr: 'Ce paquet contient des modifications faites par une version plus récente du planificateur. Mettez à jour le planificateur sur cet ordinateur, puis importez de nouveau le paquet. Rien n’a été importé.',
  },
  'import.newerManifest': {
    en: 'This bundle was made by a newer version of the planner. Update the planner on this computer to read it. Nothing was imported.',
    fr: 'Ce paquet a été fait par une version plus récente du planificateur. Mettez à jour le planificateur sur cet ordinateur pour le lire. Rien n’a été importé.',
  },
  'import.seqReused': {
    en: "This bundle holds a change numbered {seq} from the same computer as one already here, with different content. One of them was tampered with, or that computer's data was restored from an old copy. Nothing was imported.",
    fr: 'Ce paquet contient une modification numéro {seq} du même ordinateur qu’une modification déjà reçue ici, mais au contenu différent. L’une des deux a été trafiquée, ou les données de cet ordinateur ont été restaurées à partir d’une ancienne copie. Rien n’a été importé.',
  },
  'import.idCollision': {
    en: 'This bundle holds a change whose identity collides with another. Nothing was imported.',
    fr: 'Ce paquet contient une modification dont l’identité entre en collision avec une autre. Rien n’a été importé.',
  },
  'import.seqTwice': {
    en: 'This bundle holds two different changes numbered {seq} from the same computer. It was tampered with. Nothing was imported.',
    fr: 'Ce paquet contient deux modifications différentes numéro {seq} du même ordinateur. Il a été trafiqué. Rien n’a été importé.',
  },
  'import.voucherRevoked': {
    en: 'Bundles from "{name}" are no longer accepted here: it was trusted because "{voucher}" introduced it, and trust in "{voucher}" was withdrawn. Trust it again yourself (after checking its fingerprint) if it should keep sending.',
    fr: 'Les paquets de «\u00a0{name}\u00a0» ne sont plus acceptés ici\u00a0: cet ordinateur était reconnu parce que «\u00a0{voucher}\u00a0» l’avait présenté, et la confiance en «\u00a0{voucher}\u00a0» a été retirée. Faites-lui de nouveau confiance vous-même (après avoir vérifié son empreinte) s’il doit continuer d’envoyer des paquets.',
  },
  'import.forgedChange.sender': {
    en: 'A change in this bundle (number {seq} from "{name}") does not carry its author\'s valid signature: it was forged or altered. Nothing was imported.',
    fr: 'Une modification de ce paquet (numéro {seq} de «\u00a0{name}\u00a0») ne porte pas la signature valide de son auteur\u00a0: elle a été contrefaite ou modifiée. Rien n’a été importé.',
  },
  'import.forgedChange.other': {
    en: "A change in this bundle (number {seq} from another computer) does not carry its author's valid signature: it was forged or altered. Nothing was imported.",
    fr: 'Une modification de ce paquet (numéro {seq} d’un autre ordinateur) ne porte pas la signature valide de son auteur\u00a0: elle a été contrefaite ou modifiée. Rien n’a été importé.',
  },
  'import.outOfScope.community': {
    en: "This bundle changes {community}'s data, which its author is not trusted to change here. Nothing was imported. (Widen the peer's scope if this is expected.)",
    fr: 'Ce paquet modifie les données de {community}, que son auteur n’est pas autorisé à modifier ici. Rien n’a été importé. (Élargissez la portée de cet ordinateur partenaire si c’est voulu.)',
  },
  'import.outOfScope.other': {
    en: 'This bundle changes data its author is not trusted to change here (territory-wide lists or another community). Nothing was imported.',
    fr: 'Ce paquet modifie des données que son auteur n’est pas autorisé à modifier ici (listes de tout le territoire ou une autre collectivité). Rien n’a été importé.',
  },

  // What is wrong with a change (inside 'import.changeRejected').
  'change.badOpId': { en: 'an operation has an id that does not belong to its changeset', fr: 'une opération porte un identifiant qui n’appartient pas à son ensemble de modifications' },
  'change.unknownTable': { en: 'it changes a kind of record the planner does not have ("{table}")', fr: 'elle modifie un type d’élément que le planificateur n’a pas («\u00a0{table}\u00a0»)' },
  'change.unknownField': { en: 'it changes a field the planner does not have ("{field}")', fr: 'elle modifie un champ que le planificateur n’a pas («\u00a0{field}\u00a0»)' },
  'change.badValue': { en: '{table}.{field} {problem}', fr: '{table}.{field} {problem}' },
  'change.value.empty': { en: 'cannot be empty', fr: 'ne peut pas être vide' },
  'change.value.text': { en: 'must be text of reasonable length', fr: 'doit être un texte de longueur raisonnable' },
  'change.value.number': { en: 'must be a number', fr: 'doit être un nombre' },
  'change.value.whole': { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  'change.value.boolean': { en: 'must be yes or no', fr: 'doit valoir oui ou non' },
  'change.value.list': { en: 'must be a short list', fr: 'doit être une courte liste' },
  'change.value.kind': { en: 'has a kind of value the planner does not accept', fr: 'a un type de valeur que le planificateur n’accepte pas' },
} as const satisfies Record<string, Bilingual>;
