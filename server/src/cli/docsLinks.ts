// Where SARIF points people for a rule's documentation. A SARIF log is read on other
// machines (code scanning, a reviewer's viewer), so it never carries a file:// path of
// the machine that wrote it: only a public http(s) base, from --docs-url or
// COHORT_LINT_DOCS_BASE. The pages to publish there are docs/rules/<rule-id>.md (and
// README.md); a base ending in /docs/rules/ of a repository browser serves them as is.
// Without a base the links are left out and each rule's help text names its page.

/** The docs base the project publishes, once it has a public home; none yet. */
export const PUBLISHED_DOCS_BASE: string | undefined = undefined;

/** The base for SARIF links: the option, else the environment, else the published one; http(s) only. */
export function sarifDocsBase(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = option ?? env.COHORT_LINT_DOCS_BASE ?? PUBLISHED_DOCS_BASE;
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  return base.endsWith('/') ? base : `${base}/`;
}

/** The page of a rule (or `README` for the list of rules) under `base`. */
export function ruleDocsUrl(base: string | undefined, page: string): string | undefined {
  return base ? `${base}${encodeURIComponent(page)}.md` : undefined;
}
