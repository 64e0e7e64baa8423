// A small built-in list of communes with their coordinates (the centre of the town, to
// about a kilometre): every préfecture, and the communes of the Hautes-Pyrénées where
// SoliTERR was born. Shared by the API (GET /api/v1/communes answers from it first, then
// asks the national address base) and the site (web/src/lib/geo/communes.ts).
export interface Commune {
  name: string;
  /** Code of the département (departements.ts). */
  dep: string;
  lat: number;
  lon: number;
}

const LIST: [string, string, number, number][] = [
  // Hautes-Pyrénées
  ['Tarbes', '65', 43.2328, 0.0781], ['Lourdes', '65', 43.0947, -0.0459], ['Bagnères-de-Bigorre', '65', 43.0653, 0.1497],
  ['Lannemezan', '65', 43.1253, 0.3833], ['Vic-en-Bigorre', '65', 43.3867, 0.0542], ['Tournay', '65', 43.1856, 0.2436],
  ['Argelès-Gazost', '65', 43.0036, -0.0994], ['Maubourguet', '65', 43.4681, 0.0361], ['Rabastens-de-Bigorre', '65', 43.3872, 0.1481],
  ['Pouzac', '65', 43.0833, 0.1333], ['Ibos', '65', 43.2336, 0.0047], ['Séméac', '65', 43.2283, 0.1061],
  ['Aureilhan', '65', 43.2436, 0.0953], ['Luz-Saint-Sauveur', '65', 42.8722, -0.0039], ['Arreau', '65', 42.9058, 0.3572],
  ['Saint-Lary-Soulan', '65', 42.8169, 0.3225], ['Capvern', '65', 43.1031, 0.3178], ['Castelnau-Magnoac', '65', 43.2936, 0.5006],
  ['Trie-sur-Baïse', '65', 43.3239, 0.3656], ['Galan', '65', 43.2256, 0.4061], ['Bordères-sur-l\'Échez', '65', 43.2608, 0.0464],
  ['Ossun', '65', 43.1842, -0.0272], ['Juillan', '65', 43.1894, 0.0236], ['Horgues', '65', 43.1917, 0.0931],
  // Préfectures
  ['Bourg-en-Bresse', '01', 46.2052, 5.2255], ['Laon', '02', 49.5641, 3.6199], ['Moulins', '03', 46.5646, 3.3326],
  ['Digne-les-Bains', '04', 44.0925, 6.2356], ['Gap', '05', 44.5594, 6.0786], ['Nice', '06', 43.7102, 7.262],
  ['Privas', '07', 44.735, 4.5992], ['Charleville-Mézières', '08', 49.7621, 4.7262], ['Foix', '09', 42.9653, 1.6069],
  ['Troyes', '10', 48.2973, 4.0744], ['Carcassonne', '11', 43.2130, 2.3491], ['Rodez', '12', 44.3506, 2.5750],
  ['Marseille', '13', 43.2965, 5.3698], ['Caen', '14', 49.1829, -0.3707], ['Aurillac', '15', 44.9264, 2.4397],
  ['Angoulême', '16', 45.6484, 0.1562], ['La Rochelle', '17', 46.1603, -1.1511], ['Bourges', '18', 47.0810, 2.3988],
  ['Tulle', '19', 45.2671, 1.7716], ['Ajaccio', '2A', 41.9192, 8.7386], ['Bastia', '2B', 42.6977, 9.4508],
  ['Dijon', '21', 47.3220, 5.0415], ['Saint-Brieuc', '22', 48.5136, -2.7603], ['Guéret', '23', 46.1715, 1.8717],
  ['Périgueux', '24', 45.1847, 0.7214], ['Besançon', '25', 47.2378, 6.0241], ['Valence', '26', 44.9334, 4.8924],
  ['Évreux', '27', 49.0241, 1.1508], ['Chartres', '28', 48.4439, 1.4890], ['Quimper', '29', 47.9960, -4.1024],
  ['Nîmes', '30', 43.8367, 4.3601], ['Toulouse', '31', 43.6047, 1.4442], ['Auch', '32', 43.6465, 0.5855],
  ['Bordeaux', '33', 44.8378, -0.5792], ['Montpellier', '34', 43.6108, 3.8767], ['Rennes', '35', 48.1173, -1.6778],
  ['Châteauroux', '36', 46.8103, 1.6913], ['Tours', '37', 47.3941, 0.6848], ['Grenoble', '38', 45.1885, 5.7245],
  ['Lons-le-Saunier', '39', 46.6747, 5.5547], ['Mont-de-Marsan', '40', 43.8902, -0.4997], ['Blois', '41', 47.5861, 1.3359],
  ['Saint-Étienne', '42', 45.4397, 4.3872], ['Le Puy-en-Velay', '43', 45.0434, 3.8859], ['Nantes', '44', 47.2184, -1.5536],
  ['Orléans', '45', 47.9030, 1.9093], ['Cahors', '46', 44.4475, 1.4419], ['Agen', '47', 44.2033, 0.6163],
  ['Mende', '48', 44.5181, 3.5006], ['Angers', '49', 47.4784, -0.5632], ['Saint-Lô', '50', 49.1157, -1.0906],
  ['Châlons-en-Champagne', '51', 48.9566, 4.3631], ['Chaumont', '52', 48.1113, 5.1392], ['Laval', '53', 48.0706, -0.7734],
  ['Nancy', '54', 48.6921, 6.1844], ['Bar-le-Duc', '55', 48.7727, 5.1600], ['Vannes', '56', 47.6582, -2.7608],
  ['Metz', '57', 49.1193, 6.1757], ['Nevers', '58', 46.9908, 3.1591], ['Lille', '59', 50.6292, 3.0573],
  ['Beauvais', '60', 49.4295, 2.0807], ['Alençon', '61', 48.4329, 0.0913], ['Arras', '62', 50.2910, 2.7775],
  ['Clermont-Ferrand', '63', 45.7772, 3.0870], ['Pau', '64', 43.2951, -0.3708], ['Perpignan', '66', 42.6887, 2.8948],
  ['Strasbourg', '67', 48.5734, 7.7521], ['Colmar', '68', 48.0794, 7.3585], ['Lyon', '69', 45.7640, 4.8357],
  ['Vesoul', '70', 47.6226, 6.1554], ['Mâcon', '71', 46.3069, 4.8287], ['Le Mans', '72', 48.0061, 0.1996],
  ['Chambéry', '73', 45.5646, 5.9178], ['Annecy', '74', 45.8992, 6.1294], ['Paris', '75', 48.8566, 2.3522],
  ['Rouen', '76', 49.4432, 1.0999], ['Melun', '77', 48.5421, 2.6554], ['Versailles', '78', 48.8049, 2.1204],
  ['Niort', '79', 46.3237, -0.4588], ['Amiens', '80', 49.8941, 2.2958], ['Albi', '81', 43.9289, 2.1464],
  ['Montauban', '82', 44.0176, 1.3550], ['Toulon', '83', 43.1242, 5.9280], ['Avignon', '84', 43.9493, 4.8055],
  ['La Roche-sur-Yon', '85', 46.6705, -1.4260], ['Poitiers', '86', 46.5802, 0.3404], ['Limoges', '87', 45.8336, 1.2611],
  ['Épinal', '88', 48.1724, 6.4493], ['Auxerre', '89', 47.7982, 3.5673], ['Belfort', '90', 47.6397, 6.8638],
  ['Évry-Courcouronnes', '91', 48.6290, 2.4410], ['Nanterre', '92', 48.8924, 2.2071], ['Bobigny', '93', 48.9086, 2.4397],
  ['Créteil', '94', 48.7904, 2.4556], ['Cergy', '95', 49.0364, 2.0761], ['Basse-Terre', '971', 15.9985, -61.7255],
  ['Fort-de-France', '972', 14.6161, -61.0588], ['Cayenne', '973', 4.9224, -52.3135], ['Saint-Denis', '974', -20.8789, 55.4481],
  ['Mamoudzou', '976', -12.7806, 45.2279],
];

export const COMMUNES: Commune[] = LIST.map(([name, dep, lat, lon]) => ({ name, dep, lat, lon })).sort((a, b) =>
  a.name.localeCompare(b.name, 'fr'),
);

/**
 * How names are compared: without accents, case, hyphens or apostrophes, "St"/"Ste"
 * written out ("St Lary" is "Saint-Lary-Soulan"'s beginning).
 */
export const foldCommune = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'\-–—.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');
const fold = foldCommune;

/** The typed text split into a name and an optional département code ("Tarbes (65)"). */
export function splitTyped(typed: string): { name: string; dep?: string } {
  const match = /^(.*?)(?:\s*[(—–-]\s*(\d[\dAB]{1,2})\)?)?$/.exec(typed.trim());
  return { name: (match?.[1] ?? typed).trim(), dep: match?.[2] };
}

/**
 * Communes of the list matching what is typed: exact names first, then names starting
 * with it, then names containing it. `exact` says whether one name is exactly the typed one.
 */
export function searchBuiltin(typed: string, limit = 5): { items: Commune[]; exact: boolean } {
  const { name: raw, dep } = splitTyped(typed);
  const name = fold(raw);
  if (!name) return { items: [], exact: false };
  const rank = (c: Commune) => {
    const f = fold(c.name);
    return f === name ? 0 : f.startsWith(name) ? 1 : f.includes(name) ? 2 : 3;
  };
  const found = COMMUNES.filter((c) => (!dep || c.dep === dep) && rank(c) < 3).sort((a, b) => rank(a) - rank(b));
  return { items: found.slice(0, limit), exact: found.some((c) => rank(c) === 0) };
}

/** The commune typed in the form ("Tarbes", "tarbes (65)", "Lourdes — 65"), if it is in the list. */
export function findCommune(typed: string): Commune | undefined {
  const split = splitTyped(typed);
  const name = fold(split.name);
  const dep = split.dep;
  if (!name) return undefined;
  const found = COMMUNES.filter((c) => fold(c.name) === name);
  return (dep && found.find((c) => c.dep === dep)) || found[0];
}

/** How a commune is written in the list the form offers. */
export const communeLabel = (c: Commune) => `${c.name} (${c.dep})`;

/** The commune nearest to a point (within about 5 km), to show the centre of an existing territory. */
export function communeAt(lat: number | null, lon: number | null): Commune | undefined {
  if (lat === null || lon === null) return undefined;
  let best: Commune | undefined;
  let bestDistance = Infinity;
  for (const c of COMMUNES) {
    const d = Math.hypot(c.lat - lat, (c.lon - lon) * Math.cos((lat * Math.PI) / 180));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance < 0.05 ? best : undefined;
}
