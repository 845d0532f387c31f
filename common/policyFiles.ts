// The policy file's names, in one module that the client (watchers, document selector,
// "Open Policy File", "Lint Workspace") and the server (lookup, the policy a fix creates)
// both import; each bundle gets its own copy at build time, as vscode-eslint shares its
// settings module. package.json's activation events and schema associations list the
// same names (test/unit/manifest.test.ts checks them against this list).

/** The names a policy file may have, in the order they are looked up in one folder. */
export const POLICY_FILE_NAMES = ['cohortlint.yaml', 'cohortlint.yml', '.cohortlint.json'] as const;

/** The name of a policy file Cohort Lint creates (a fix, "Open Policy File"). */
export const NEW_POLICY_FILE_NAME = POLICY_FILE_NAMES[0];

/** A glob for a policy file in any folder. */
export const POLICY_FILE_GLOB = `**/{${POLICY_FILE_NAMES.join(',')}}`;
