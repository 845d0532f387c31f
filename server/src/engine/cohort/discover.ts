// Which cohort a table belongs to, if any: the policy's `cohort` key first (the project
// said so), then the nearest Data Package whose foreign keys link the table, then an
// OMOP CDM folder, then a MIMIC folder. A table in none of them is linted alone, as before.
import * as path from 'node:path';
import type { LoadedPolicy } from '../policy/loadPolicy';
import { descriptorCandidates, resolveFromDescriptor, packageResources, readDescriptor, type ReadFile } from '../schema/dataPackage';
import { insideWorkspace } from '../workspace';
import { dataPackageCohort } from './fromDataPackage';
import type { Cohort } from './model';
import { mimicCohort } from './mimic';
import { omopCohort } from './omop';
import { policyCohort } from './policy';

export function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  // Windows and macOS file systems are usually case-insensitive.
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

function holds(cohort: Cohort | undefined, datasetPath: string): Cohort | undefined {
  return cohort?.tables.some((t) => samePath(t.path, datasetPath)) ? cohort : undefined;
}

/** Whether a descriptor lists the dataset as one of its resources' data. */
function lists(descriptorPath: string, datasetPath: string, read: ReadFile): boolean {
  const value = readDescriptor(descriptorPath, read);
  return packageResources(value).some((r) => r.paths.some((p) => samePath(resolveFromDescriptor(descriptorPath, p), datasetPath)));
}

export function findCohort(datasetPath: string, loaded: LoadedPolicy, read: ReadFile, workspaceRoot?: string): Cohort | undefined {
  const declared = loaded.policy.cohort && loaded.path ? holds(policyCohort(loaded.policy.cohort, loaded.path, workspaceRoot), datasetPath) : undefined;
  if (declared) return declared;
  for (const descriptor of descriptorCandidates(datasetPath, workspaceRoot)) {
    if (!insideWorkspace(descriptor, workspaceRoot ?? path.dirname(datasetPath))) continue;
    // The nearest descriptor listing the table decides, as it does for the table's schema.
    if (!lists(descriptor, datasetPath, read)) continue;
    const linked = holds(dataPackageCohort(descriptor, read, workspaceRoot), datasetPath);
    if (linked) return linked;
    break;
  }
  return omopCohort(datasetPath, workspaceRoot) ?? mimicCohort(datasetPath, workspaceRoot);
}

/**
 * The data files of the cohort a Data Package descriptor defines, so that linting the
 * descriptor alone lints its tables too; empty when it defines none.
 */
export function cohortFilesOf(descriptorPath: string, read: ReadFile, workspaceRoot?: string): string[] {
  return dataPackageCohort(descriptorPath, read, workspaceRoot)?.tables.map((t) => t.path) ?? [];
}
