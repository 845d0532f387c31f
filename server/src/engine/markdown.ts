// Text from the data (column names, group labels, markers) placed in a Markdown hover.
// Hover tables break at an unescaped `|`, so every such text goes through markdownCell.

/** Escapes the table-cell delimiter, so the text stays in its cell. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * Escapes every character Markdown would read as markup (emphasis, code, links, HTML), for
 * raw cell values shown as written: the labels of the ancestry mapping table.
 */
export function markdownLiteral(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}
