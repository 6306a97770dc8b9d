// Types of check-doc-snippets.mjs, for test/doc-snippets.test.ts.

/** A ```ts or ```typescript block of a markdown file. */
export interface DocSnippet {
  /** Path of the markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the snippet's first code line in the markdown file. */
  readonly line: number;
  readonly code: string;
  /** True when the snippet opted out with `no-check`. */
  readonly skip: boolean;
}

/** A type error in a snippet. */
export interface DocSnippetFailure {
  readonly file: string;
  /** Line of the error in the markdown file (0 for a configuration error). */
  readonly line: number;
  /** First code line of the snippet the error is in. */
  readonly snippet?: number;
  readonly message: string;
}

export interface DocSnippetCheck {
  readonly snippets: number;
  readonly checked: number;
  readonly skipped: number;
  readonly failures: readonly DocSnippetFailure[];
  /** The generated modules, when kept. */
  readonly dir?: string;
}

export function docFiles(root?: string): string[];
export function extractSnippets(markdown: string, file: string): DocSnippet[];
export function checkDocSnippets(options?: { readonly root?: string; readonly keep?: boolean }): DocSnippetCheck;
export function formatFailure(failure: DocSnippetFailure): string;
