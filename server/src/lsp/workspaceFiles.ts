// Paths, URIs and file access for the engine. The engine reads files through a ReadFile;
// this one prefers an open document's text over the disk, so unsaved edits of a policy
// file take effect while typing.
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments, WorkspaceFolder, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The file system path of a file: URI, or undefined for other schemes (untitled:, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export class WorkspaceFiles {
  private roots: string[] = [];

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    const uris = folders?.length ? folders.map((f) => f.uri) : rootUri ? [rootUri] : [];
    this.roots = uris.map(uriToPath).filter((p): p is string => p !== undefined).map((p) => resolve(p));
  }

  changeFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((f) => uriToPath(f.uri)).filter(Boolean).map((p) => resolve(p!)));
    const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined).map((p) => resolve(p));
    this.roots = [...this.roots.filter((r) => !removed.has(r)), ...added];
  }

  /** The innermost workspace folder containing the path: where the policy search stops. */
  rootFor(path: string): string | undefined {
    const target = resolve(path);
    let best: string | undefined;
    for (const root of this.roots) {
      const inside = target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
      if (inside && (best === undefined || root.length > best.length)) best = root;
    }
    return best;
  }

  /** The document is open in the client, as this very version object (not closed and reopened). */
  isOpen(doc: TextDocument): boolean {
    return this.documents.get(doc.uri) === doc;
  }

  openDocumentAt(path: string): TextDocument | undefined {
    const target = resolve(path);
    return this.documents.all().find((doc) => {
      const docPath = uriToPath(doc.uri);
      return docPath !== undefined && resolve(docPath) === target;
    });
  }

  /** The URI to address a file by: the open document's own, so the client matches it. */
  uriFor(path: string): string {
    return this.openDocumentAt(path)?.uri ?? pathToUri(path);
  }

  readonly read = (path: string): string | undefined => {
    const open = this.openDocumentAt(path);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };

  readonly exists = (path: string): boolean => this.openDocumentAt(path) !== undefined || existsSync(path);
}
