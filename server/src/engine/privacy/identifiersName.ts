// Where identifier columns go: beside the dataset, `<name>.identifiers.<ext>`.
import * as path from 'node:path';

export function identifiersPath(datasetPath: string, attempt = 1): string {
  const { dir, name, ext } = path.parse(datasetPath);
  return path.join(dir, `${name}.identifiers${attempt === 1 ? '' : `-${attempt}`}${ext}`);
}
