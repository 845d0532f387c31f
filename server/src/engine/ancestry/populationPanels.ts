// Population-genetics panels' own labels, rolled up to the 1000 Genomes super-population of
// their region (sources in docs/references.md, "Population panels"):
// - HGDP-CEPH (Cann et al. 2002; Bergström et al. 2020): seven regions, AFRICA, AMERICA,
//   CENTRAL_SOUTH_ASIA, EAST_ASIA, EUROPE, MIDDLE_EAST, OCEANIA, and 54 populations;
// - SGDP (Mallick et al. 2016): regions Africa, America, CentralAsiaSiberia, EastAsia,
//   Oceania, SouthAsia, WestEurasia.
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
    'Cambodian', 'Dai', 'Daur', 'Han', 'Han-NChina', 'Hezhen', 'Japanese', 'Lahu', 'Miao', 'Naxi', 'Oroqen', 'She', 'Tu', 'Tujia', 'Xibo', 'Yi',
  ],
  EUR: ['EUROPE', 'Adygei', 'Basque', 'French', 'Bergamo', 'Italian', 'BergamoItalian', 'Orcadian', 'Russian', 'Sardinian', 'Tuscan'],
  SAS: ['CENTRAL_SOUTH_ASIA', 'SouthAsia', 'Balochi', 'Brahui', 'Burusho', 'Kalash', 'Makrani', 'Pathan', 'Sindhi'],
};
