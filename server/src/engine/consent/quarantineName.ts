// Where rows without usable consent go: beside the dataset, `<name>.quarantine.<ext>`.
import * as path from 'node:path';

export function quarantinePath(datasetPath: string, attempt = 1): string {
  const { dir, name, ext } = path.parse(datasetPath);
  const suffix = attempt === 1 ? '' : `-${attempt}`;
  return path.join(dir, `${name}.quarantine${suffix}${ext}`);
}
