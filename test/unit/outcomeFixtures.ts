// Outcome fixtures: rows generated at run time from counts, never copies of a dataset.
//
// COMPAS_COUNTS: ProPublica's compas-scores-two-years.csv (github.com/propublica/compas-analysis,
// 7,214 defendants) aggregated to rows and recidivists (two_year_recid = 1) per race and
// decile_score (1-10). Regenerating one row per defendant from these counts gives back the
// race, decile_score and two_year_recid columns exactly; nothing else is kept. With
// decile_score >= 5 ("Medium"/"High", ProPublica's cut), the confusion matrices are those
// ProPublica published in "Compas Analysis.ipynb" (Black: TN 990, FP 805, FN 532, TP 1369;
// White: TN 1139, FP 349, FN 461, TP 505).

/** race -> [rows, recidivists] for decile_score 1..10. */
export const COMPAS_COUNTS: Record<string, [number, number][]> = {
  'African-American': [[398, 91], [393, 119], [346, 145], [385, 177], [365, 176], [384, 215], [400, 237], [359, 245], [380, 269], [286, 227]],
  Asian: [[15, 1], [4, 0], [5, 2], [0, 0], [1, 1], [3, 2], [1, 1], [2, 1], [0, 0], [1, 1]],
  Caucasian: [[681, 142], [361, 113], [273, 93], [285, 113], [241, 111], [194, 111], [143, 88], [114, 82], [98, 68], [64, 45]],
  Hispanic: [[196, 48], [113, 36], [86, 27], [52, 18], [52, 28], [37, 21], [34, 16], [26, 13], [20, 11], [21, 14]],
  'Native American': [[0, 0], [4, 0], [1, 0], [1, 1], [0, 0], [2, 1], [4, 3], [1, 1], [2, 1], [3, 3]],
  Other: [[150, 26], [66, 25], [36, 14], [46, 25], [22, 10], [21, 8], [10, 5], [10, 8], [8, 6], [8, 6]],
};

/** id,race,decile_score,two_year_recid rows from COMPAS_COUNTS, groups interleaved so no order carries meaning. */
export function compasCsv(): string {
  const lines = ['id,race,decile_score,two_year_recid'];
  let id = 1;
  for (const [race, cells] of Object.entries(COMPAS_COUNTS)) {
    cells.forEach(([rows, recid], i) => {
      for (let k = 0; k < rows; k++) lines.push(`${id++},${race},${i + 1},${k < recid ? 1 : 0}`);
    });
  }
  return lines.join('\n') + '\n';
}

export interface Confusion { tp: number; fp: number; tn: number; fn: number }

/** A CSV with group, label and prediction columns holding exactly these confusion matrices. */
export function confusionCsv(matrices: Record<string, Confusion>, columns = { group: 'race', label: 'outcome', prediction: 'model_call', id: 'participant_id' }): string {
  const lines = [`${columns.id},${columns.group},${columns.label},${columns.prediction}`];
  let id = 1;
  for (const [group, m] of Object.entries(matrices)) {
    const add = (n: number, y: string, p: string) => { for (let i = 0; i < n; i++) lines.push(`P${id++},${group},${y},${p}`); };
    add(m.tp, '1', '1'); add(m.fp, '0', '1'); add(m.tn, '0', '0'); add(m.fn, '1', '0');
  }
  return lines.join('\n') + '\n';
}
