// Ontology tables kept as ROBOT templates (HANCESTRO's own CSVs, among others) carry a
// second header row of directives (`ID`, `A rdfs:label`, `SC %`) that says how each column
// becomes OWL. It is not data: counted as a row it would become a group of its own and
// add one to every count.
const DIRECTIVE = /^(ID|LABEL|TYPE|CLASS_TYPE|CLASS|INDIVIDUAL_TYPE|PROPERTY_TYPE|DOMAIN|RANGE|CHARACTERISTIC|(A|AT|AL|AI|C|CI|SC|EC|DC|DI|SP|EP|DP|IP|I|II|>A|>AT|>AL|>AI|>C)\s.*|(A|AT|AL|AI|C|CI|SC|EC|DC|DI)\s*%.*|.*SPLIT=.*)$/;

/** True for a row whose first cell is a ROBOT `ID` directive and most filled cells are directives. */
export function isTemplateDirectiveRow(values: readonly string[]): boolean {
  if (values[0]?.trim() !== 'ID') return false;
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  const directives = filled.filter((v) => DIRECTIVE.test(v)).length;
  return filled.length >= 2 && directives * 2 > filled.length;
}
