// Editors drop a UTF-8 byte order mark from a file's text, so every reader of table text
// drops it too: positions then agree with the editor's.

/** The text without a leading byte order mark (U+FEFF). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
