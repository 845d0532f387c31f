// Hover sections contributed by the rule areas beyond ancestry (phenotype tables on a
// column header, schema field summaries, ...), in the order they are shown.
import type { HoverProvider } from './hover';
import { outcomeHover } from './outcome/hover';
import { codingHover } from './phenotype/codingHover';
import { phenotypeHover } from './phenotype/hover';
import { schemaFieldHover } from './schema/schemaHover';
import { privacyHover } from './privacy/hover';
import { preambleHover } from './table/preambleHover';
import { delimiterHover } from './table/delimiterHover';

export const AREA_HOVERS: HoverProvider[] = [phenotypeHover, codingHover, schemaFieldHover, outcomeHover, privacyHover, preambleHover, delimiterHover];
