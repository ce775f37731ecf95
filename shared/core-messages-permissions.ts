/**
 * Refusals of the permission table (shared/permissions.ts): who may do what, said to the person
 * who may not, naming who may. Joined in core-messages.ts like the other parts.
 */
export const permissionMessages = {
  'permission.coordinatorOnly.reference': {
    en: "Only the territorial coordinator may change the territory's reference data (communities, regions, detachments, themes).",
    fr: 'Seule la coordination territoriale peut modifier les données de référence du territoire (collectivités, régions, détachements, thèmes).',
  },
  'permission.coordinatorOnly.commitments': {
    en: 'Only the territorial coordinator may create or change mandate commitments and their milestones.',
    fr: 'Seule la coordination territoriale peut créer ou modifier les engagements du mandat et leurs jalons.',
  },
  'permission.coordinatorOnly.comments': {
    en: "Only the territorial coordinator may comment on a community's quarterly report.",
    fr: 'Seule la coordination territoriale peut commenter le rapport trimestriel d’une collectivité.',
  },
  'permission.coordinatorOnly.computers': {
    en: "Only the territorial coordinator may enrol, trust or revoke computers and look after the territory's key.",
    fr: 'Seule la coordination territoriale peut inscrire, approuver ou révoquer des ordinateurs et gérer la clé du territoire.',
  },
  'permission.coordinatorOnly.other': {
    en: 'Only the territorial coordinator may do this.',
    fr: 'Seule la coordination territoriale peut faire cela.',
  },
  'permission.coordinatorOnly.territoryWide': {
    en: 'Only the territorial coordinator may add or change territory-wide organisations and people; this computer may add those of its own communities.',
    fr: 'Seule la coordination territoriale peut ajouter ou modifier les organismes et les personnes de tout le territoire; cet ordinateur peut ajouter ceux de ses propres collectivités.',
  },
  'permission.signOff.community': {
    en: 'Only the community office or the coordinator may sign for the community.',
    fr: 'Seuls le bureau communautaire ou la coordination territoriale peuvent signer pour la collectivité.',
  },
  'permission.signOff.detachment': {
    en: 'Only the detachment or the coordinator may sign for the detachment.',
    fr: 'Seuls le détachement ou la coordination territoriale peuvent signer pour le détachement.',
  },
  'permission.outsideScope.certified': {
    en: "This computer is certified for {communities:list} only: {community}'s plans are changed by its own computers or the coordinator.",
    fr: 'Cet ordinateur est certifié pour {communities:list} seulement : les plans de {community} sont modifiés par ses propres ordinateurs ou par la coordination territoriale.',
  },
  'permission.outsideScope.profile': {
    en: "This computer works for {communities:list} only: {community}'s plans are changed by its own computers or the coordinator.",
    fr: 'Cet ordinateur travaille pour {communities:list} seulement : les plans de {community} sont modifiés par ses propres ordinateurs ou par la coordination territoriale.',
  },
  'permission.noCommunity.certified': {
    en: "This computer is certified for no community: {community}'s plans are changed by its own computers or the coordinator.",
    fr: 'Cet ordinateur n’est certifié pour aucune collectivité : les plans de {community} sont modifiés par ses propres ordinateurs ou par la coordination territoriale.',
  },
  'permission.profileCertified': {
    en: "This computer's role and communities come from its certificate: Settings cannot change them. Ask the coordinator to enrol it again with another role or other communities.",
    fr: 'Le rôle et les collectivités de cet ordinateur viennent de son certificat : les Paramètres ne peuvent pas les changer. Demandez à la coordination territoriale de l’inscrire de nouveau avec un autre rôle ou d’autres collectivités.',
  },
  'permission.unlisted': {
    en: '{method} is not in the permission table, so no computer may call it.',
    fr: '{method} ne figure pas dans la table des permissions : aucun ordinateur ne peut l’appeler.',
  },
  'import.forbidden': {
    en: 'The changes of {name} were refused: {reason} Nothing was imported.',
    fr: 'Les modifications de {name} ont été refusées : {reason} Rien n’a été importé.',
  },
  'plan.signOff.nothing': {
    en: "Enter a sign-off block to sign this plan: the community's or the detachment's.",
    fr: 'Remplissez un bloc de signature pour signer ce plan : celui de la collectivité ou celui du détachement.',
  },
  'plan.signOff.community.incomplete': {
    en: "The community's sign-off needs both the signatory's name and the date.",
    fr: 'La signature de la collectivité exige le nom du signataire et la date.',
  },
  'plan.signOff.detachment.incomplete': {
    en: "The detachment's sign-off needs both the signatory's name and the date.",
    fr: 'La signature du détachement exige le nom du signataire et la date.',
  },
} as const;
