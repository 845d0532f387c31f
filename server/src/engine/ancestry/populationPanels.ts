// Population-genetics panels' own labels, rolled up to the 1000 Genomes super-population of
// their region (sources in docs/references.md, "Population panels"):
// - HGDP-CEPH (Cann et al. 2002; Bergström et al. 2020): seven regions, AFRICA, AMERICA,
//   CENTRAL_SOUTH_ASIA, EAST_ASIA, EUROPE, MIDDLE_EAST, OCEANIA, and 54 populations;
// - SGDP (Mallick et al. 2016, Nature 538:201; sample sheet
//   10_24_2014_SGDP_metainformation_update.txt, columns Population_ID and Region): 142
//   populations (300 samples) in seven regions, Africa, America, CentralAsiaSiberia,
//   EastAsia, Oceania, SouthAsia, WestEurasia.
// *Judgement:* a region is read as the super-population it mostly overlaps: CENTRAL_SOUTH_ASIA
// (Pakistan's populations) and SGDP's SouthAsia as SAS, SGDP's Africa (with Mozabite and
// Saharawi) as AFR. Regions with no 1000 Genomes group (MIDDLE_EAST, OCEANIA,
// CentralAsiaSiberia, WestEurasia) are not rolled up, nor are populations the two panels
// place in different regions (Mongola, Yakut, Uygur, Hazara, Mozabite).
export const HGDP_SGDP: Record<string, string[]> = {
  AFR: [
    'AFRICA', 'Sub-Saharan Africa',
    'Bantu', 'Bantu Kenya', 'BantuKenya', 'Bantu South Africa', 'BantuSouthAfrica', 'Biaka', 'Biaka Pygmy', 'BiakaPygmy', 'Mandenka', 'Mbuti', 'Mbuti Pygmy', 'MbutiPygmy', 'San', 'Yoruba',
  ],
  AMR: ['AMERICA', 'Colombian', 'Karitiana', 'Maya', 'Pima', 'Surui'],
  EAS: [
    'EAST_ASIA', 'EastAsia',
    // IGSR's name for HGDP's Han-NChina.
    'Northern Han',
    'Cambodian', 'Dai', 'Daur', 'Han', 'Han-NChina', 'Hezhen', 'Japanese', 'Lahu', 'Miao', 'Naxi', 'Oroqen', 'She', 'Tu', 'Tujia', 'Xibo', 'Yi',
  ],
  EUR: ['EUROPE', 'Adygei', 'Basque', 'French', 'Bergamo', 'Italian', 'BergamoItalian', 'Orcadian', 'Russian', 'Sardinian', 'Tuscan'],
  SAS: ['CENTRAL_SOUTH_ASIA', 'SouthAsia', 'Balochi', 'Brahui', 'Burusho', 'Kalash', 'Makrani', 'Pathan', 'Sindhi'],
};

/**
 * The IGSR data portal's names for the HGDP and SGDP regions (its sample sheet's
 * `Superpopulation name` for the samples of those panels, whose `Superpopulation code` is
 * empty; docs/references.md 57), read as the regions above are: "Middle East (HGDP)",
 * "Oceania (HGDP)", "Oceania (SGDP)", "West Eurasia (SGDP)" and "Central Asia and Siberia
 * (SGDP)" have no 1000 Genomes group and stay unmapped.
 */
export const IGSR_PANEL_REGIONS: Record<string, string[]> = {
  AFR: ['Africa (HGDP)', 'Africa (SGDP)'],
  AMR: ['America (HGDP)', 'America (SGDP)'],
  EAS: ['East Asia (HGDP)', 'East Asia (SGDP)'],
  EUR: ['Europe (HGDP)'],
  SAS: ['Central South Asia (HGDP)', 'South Asia (SGDP)'],
};

export type SgdpRegion = 'Africa' | 'America' | 'CentralAsiaSiberia' | 'EastAsia' | 'Oceania' | 'SouthAsia' | 'WestEurasia';

/**
 * Every `Population_ID` of the SGDP sample sheet, by its `Region`, as the metainformation
 * file of Mallick et al. 2016 writes them (docs/references.md 42).
 */
export const SGDP_POPULATIONS: Record<SgdpRegion, readonly string[]> = {
  Africa: [
    'BantuHerero', 'BantuKenya', 'BantuTswana', 'Biaka', 'Dinka', 'Esan', 'Gambian', 'Igbo', 'Ju_hoan_North', 'Khomani_San', 'Kongo',
    'Lemande', 'Luhya', 'Luo', 'Mandenka', 'Masai', 'Mbuti', 'Mende', 'Mozabite', 'Saharawi', 'Somali', 'Yoruba',
  ],
  America: ['Chane', 'Chipewyan', 'Cree', 'Karitiana', 'Mayan', 'Mixe', 'Mixtec', 'Nahua', 'Piapoco', 'Pima', 'Quechua', 'Surui', 'Zapotec'],
  CentralAsiaSiberia: [
    'Aleut', 'Altaian', 'Chukchi', 'Eskimo_Chaplin', 'Eskimo_Naukan', 'Eskimo_Sireniki', 'Even', 'Itelman', 'Kyrgyz', 'Mansi', 'Mongola',
    'Tlingit', 'Tubalar', 'Ulchi', 'Yakut',
  ],
  EastAsia: [
    'Ami', 'Atayal', 'Burmese', 'Cambodian', 'Dai', 'Daur', 'Han', 'Hezhen', 'Japanese', 'Kinh', 'Korean', 'Lahu', 'Miao', 'Naxi', 'Oroqen',
    'She', 'Thai', 'Tu', 'Tujia', 'Uygur', 'Xibo', 'Yi',
  ],
  Oceania: ['Australian', 'Bougainville', 'Dusun', 'Hawaiian', 'Igorot', 'Maori', 'Papuan'],
  SouthAsia: [
    'Balochi', 'Bengali', 'Brahmin', 'Brahui', 'Burusho', 'Hazara', 'Irula', 'Kalash', 'Kapu', 'Kashmiri_Pandit', 'Kharia', 'Khonda_Dora',
    'Kurumba', 'Kusunda', 'Madiga', 'Makrani', 'Mala', 'Onge', 'Pathan', 'Punjabi', 'Relli', 'Sherpa', 'Sindhi', 'Tibetan', 'Yadava',
  ],
  WestEurasia: [
    'Abkhasian', 'Adygei', 'Albanian', 'Armenian', 'Basque', 'BedouinB', 'Bergamo', 'Bulgarian', 'Chechen', 'Crete', 'Czech', 'Druze',
    'English', 'Estonian', 'Finnish', 'French', 'Georgian', 'Greek', 'Hungarian', 'Icelandic', 'Iranian', 'Iraqi_Jew', 'Jordanian', 'Lezgin',
    'North_Ossetian', 'Norwegian', 'Orcadian', 'Palestinian', 'Polish', 'Russian', 'Saami', 'Samaritan', 'Sardinian', 'Spanish', 'Tajik',
    'Turkish', 'Tuscan', 'Yemenite_Jew',
  ],
};

/** SGDP regions read as one super-population; the others have none (see the judgement above). */
export const SGDP_REGION_GROUP: Partial<Record<SgdpRegion, string>> = { Africa: 'AFR', America: 'AMR', EastAsia: 'EAS', SouthAsia: 'SAS' };

/**
 * *Judgement:* the populations of those regions not rolled up with it: the ones HGDP places
 * in another region (Mozabite: MIDDLE_EAST; Uygur and Hazara: CENTRAL_SOUTH_ASIA), Saharawi
 * (North Africa, beside Mozabite; 1000 Genomes AFR is sub-Saharan), and Tibetan and Sherpa,
 * Himalayan populations SGDP files under SouthAsia by geography whose ancestry is East
 * Asian-related (Jeong et al. 2014, docs/references.md 45): neither SAS nor EAS is safe.
 */
export const SGDP_NOT_ROLLED_UP: ReadonlySet<string> = new Set(['Mozabite', 'Saharawi', 'Uygur', 'Hazara', 'Tibetan', 'Sherpa']);

/**
 * *Judgement:* WestEurasia spans Europe, the Caucasus, the Near East and Tajikistan, so only
 * its populations of Europe are rolled up (to EUR, as HGDP's EUROPE); the Caucasus (Abkhasian,
 * Armenian, Chechen, Georgian, Lezgin, North_Ossetian), the Near East (BedouinB, Druze,
 * Iranian, Iraqi_Jew, Jordanian, Palestinian, Samaritan, Turkish, Yemenite_Jew) and Tajik
 * have no 1000 Genomes group and stay unmapped. Adygei counts as EUR through HGDP's EUROPE.
 */
export const SGDP_EUROPE: ReadonlySet<string> = new Set([
  'Albanian', 'Basque', 'Bergamo', 'Bulgarian', 'Crete', 'Czech', 'English', 'Estonian', 'Finnish', 'French', 'Greek', 'Hungarian',
  'Icelandic', 'Norwegian', 'Orcadian', 'Polish', 'Russian', 'Saami', 'Sardinian', 'Spanish', 'Tuscan',
]);

/** The super-population an SGDP population counts in, or undefined when it stays unmapped. */
export function sgdpGroup(region: SgdpRegion, population: string): string | undefined {
  if (SGDP_NOT_ROLLED_UP.has(population)) return undefined;
  if (region === 'WestEurasia') return SGDP_EUROPE.has(population) ? 'EUR' : undefined;
  return SGDP_REGION_GROUP[region];
}

/** Per region, its rolled-up populations by super-population (one code table per region, so the hover names it). */
export function sgdpCodes(region: SgdpRegion): Record<string, string[]> {
  const codes: Record<string, string[]> = {};
  for (const population of SGDP_POPULATIONS[region]) {
    const group = sgdpGroup(region, population);
    if (group) (codes[group] ??= []).push(population);
  }
  return codes;
}
