// Small French vocabularies for generated offers and needs, in the order of the default
// categories (schemas/db/defaults.ts). Real cases of PRODUCT.md come first: a hospital's
// vehicle fleet, fruit for a jam producer, skills sponsorship.

/** Items each category's listings speak about, with their article. */
export const ITEMS_BY_CATEGORY: Record<string, string[]> = {
  materiel: [
    'une bétonnière', 'un autoclave', 'une étiqueteuse', 'un échafaudage', 'un broyeur de végétaux',
    'un vidéoprojecteur', 'des tables et des chaises', 'un groupe électrogène', 'une presse à fruits',
    'un pressoir', 'des barnums', 'une imprimante 3D', 'un nettoyeur haute pression', 'une débroussailleuse',
  ],
  'vehicules-mobilite': [
    'un fourgon', 'un minibus 9 places', 'une camionnette frigorifique', 'un tracteur', 'un vélo cargo',
    'une remorque', 'une voiture électrique', 'un utilitaire de 12 m³', 'un camion benne', 'une navette',
  ],
  'locaux-espaces': [
    'une salle de réunion', 'un entrepôt', 'un bureau partagé', 'une cuisine professionnelle', 'un hangar',
    'une parcelle de jardin', 'un local de stockage', 'un atelier', 'une chambre froide', 'un espace de coworking',
  ],
  'competences-temps': [
    'du temps en comptabilité', 'un appui en graphisme', 'des heures de menuiserie', 'un coup de main en informatique',
    'une aide à la traduction', 'un conseil en droit du travail', 'un appui en communication', 'des heures de soudure',
    "un accompagnement à la création d'entreprise", 'du mécénat de compétences en gestion',
  ],
  'matieres-approvisionnement': [
    'des abricots', 'des prunes', 'des myrtilles', 'des pommes', 'des poires', 'des cerises', 'des framboises',
    'des noix', 'des châtaignes', 'des palettes', 'du bois de chauffage', 'des cartons', 'de la laine de mouton',
    'du compost', 'des bocaux en verre',
  ],
  services: [
    'un transport de marchandises', 'une livraison groupée', 'un service de traiteur', "une garde d'enfants",
    'un nettoyage de locaux', 'une tournée de collecte', "une impression d'affiches", 'une réparation de vélos',
  ],
  'savoir-faire': [
    'une formation à la taille des arbres fruitiers', 'un savoir-faire en apiculture', 'un savoir-faire en conserverie',
    'une initiation à la vannerie', 'une méthode de stérilisation des bocaux', 'la réparation de machines agricoles',
    'une recette de confiture sans sucre ajouté', 'un atelier de compostage',
  ],
};

export const UNITS_BY_CATEGORY: Record<string, string[]> = {
  materiel: ['unités', 'jours'],
  'vehicules-mobilite': ['véhicules', 'jours', 'km'],
  'locaux-espaces': ['m²', 'demi-journées', 'jours'],
  'competences-temps': ['heures', 'jours'],
  'matieres-approvisionnement': ['kg', 'tonnes', 'palettes', 'stères'],
  services: ['tournées', 'heures', 'livraisons'],
  'savoir-faire': ['séances', 'heures'],
};

export const OFFER_VERBS = ['Propose', 'Prête', 'Met à disposition', 'Partage', 'Donne', 'Loue'];
export const NEED_VERBS = ['Cherche', 'Recherche', 'Besoin urgent :', 'À la recherche de :'];

export const PURPOSES = [
  'un événement associatif', 'la saison des récoltes', 'un chantier solidaire', 'notre atelier de transformation',
  'un projet de jardin partagé', 'la fête du village', 'un marché de producteurs', 'la rentrée scolaire',
  'un accueil de jour', 'nos tournées de livraison',
];

export const PERIODS = ['le week-end', 'pendant les vacances scolaires', 'cet été', 'en septembre', 'toute l’année', 'ponctuellement'];

export const CONDITIONS = [
  'Convention simple, assurance à jour.',
  'Contrepartie possible en échange de services.',
  'Disponible sur réservation auprès de notre équipe.',
  'Enlèvement sur place.',
  'Livraison possible dans un rayon de 20 km.',
  'Priorité aux associations et aux structures de l’insertion.',
  'Nous pouvons en parler lors de la prochaine rencontre du réseau.',
];

/** Communes of the Hautes-Pyrénées with their coordinates (lat, lon). */
export const COMMUNES: [string, number, number][] = [
  ['Tarbes', 43.2328, 0.0781], ['Lourdes', 43.0947, -0.0458], ['Bagnères-de-Bigorre', 43.065, 0.1497],
  ['Lannemezan', 43.125, 0.3833], ['Vic-en-Bigorre', 43.3861, 0.0544], ['Argelès-Gazost', 43.0036, -0.0989],
  ['Tournay', 43.1856, 0.2436], ['Maubourguet', 43.4681, 0.0358], ['Luz-Saint-Sauveur', 42.8722, -0.0036],
  ['Saint-Lary-Soulan', 42.8172, 0.3219], ['Arreau', 42.9058, 0.3575], ['Castelnau-Magnoac', 43.2958, 0.5167],
  ['Rabastens-de-Bigorre', 43.3881, 0.1514], ['Trie-sur-Baïse', 43.3175, 0.3667], ['Capvern', 43.1, 0.3167],
  ['Ossun', 43.1833, -0.0333], ['Séméac', 43.2292, 0.1064], ['Aureilhan', 43.2436, 0.0958],
  ['Juillan', 43.1886, 0.0289], ['Pouzac', 43.0833, 0.1333],
];

export const FIRST_NAMES = [
  'Hélène', 'Julien', 'Claire', 'Marie', 'Thomas', 'Pierre', 'Nadia', 'Lucas', 'Camille', 'Jean', 'Sophie',
  'Mathieu', 'Anne', 'Bernard', 'Laura', 'Youssef', 'Élodie', 'Michel', 'Inès', 'Paul',
];
export const LAST_NAMES = [
  'Fourcade', 'Abadie', 'Laborde', 'Dupouy', 'Cazaux', 'Lassalle', 'Benali', 'Pérès', 'Soulé', 'Carrère',
  'Lacoste', 'Duffau', 'Marquerie', 'Noguès', 'Castagné', 'Pujo', 'Baylac', 'Sarrat', 'Lanne', 'Berdoulat',
];

export const ORGANISATION_KINDS: [kind: string, prefix: string][] = [
  ['entreprise', 'Entreprise'], ['association', 'Association'], ['collectivite', 'Mairie de'],
  ['etablissement_sante', 'Centre hospitalier de'], ['exploitation_agricole', 'Ferme'],
  ['etablissement_enseignement', 'Lycée agricole de'], ['entreprise', 'Menuiserie'], ['entreprise', 'Confitures de'],
];
