// Small datasets written into a temporary workspace at test time.

/** A 1000 Genomes-style panel skewed to EUR: EAS and SAS far below their global shares. */
export const superPopCounts = { EUR: 400, AFR: 60, AMR: 30, EAS: 5, SAS: 5 } as const;
export const superPopHeader = 'sample\tsuper_pop\tsex';

export function superPopTsv(): string {
  const lines = [superPopHeader];
  let n = 0;
  for (const [group, count] of Object.entries(superPopCounts)) {
    for (let i = 0; i < count; i++) lines.push(`HG${String(++n).padStart(5, '0')}\t${group}\t${n % 2 ? 'female' : 'male'}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Free-text race labels as in the UCI diabetes data: `Caucasian` and `AfricanAmerican`
 * are nonstandard, `?` means missing. `comment` repeats `Caucasian` in another column
 * (a fix must leave it alone) and holds a marker no log may ever show.
 */
export const raceCounts = { Caucasian: 300, AfricanAmerican: 80, Asian: 10, '?': 25 } as const;
export const raceHeader = 'encounter_id,race,comment';
export const secretMarker = 'ZQXSECRET';

export function raceCsv(counts: Record<string, number> = raceCounts): string {
  const lines = [raceHeader];
  let n = 0;
  for (const [race, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) {
      n++;
      lines.push(`${1000 + n},${race},${n % 7 === 0 ? 'Caucasian' : `${secretMarker}${n}`}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Cells of one column of a simple (unquoted) delimited text, header excluded. */
export function column(text: string, index: number, delimiter = ','): string[] {
  return text.split('\n').slice(1).filter((line) => line !== '').map((line) => line.split(delimiter)[index]);
}
