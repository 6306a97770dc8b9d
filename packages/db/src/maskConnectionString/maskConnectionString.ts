const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)(@)/gi;
const KEY_VALUE_PASSWORD = /\b(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi;

/**
 * Hides the password in a connection string, or in every connection string inside a message.
 * Works on URLs (`postgres://user:secret@host/db`) and key/value strings (`password=secret`).
 * @param text - a connection string or a message that may contain one
 * @returns the text with each password replaced by `***`
 * @example
 * maskConnectionString("postgres://erp:s3cret@db.local:5432/erp") //=> "postgres://erp:***@db.local:5432/erp"
 */
export function maskConnectionString(text: string): string {
  return text.replace(URL_WITH_PASSWORD, "$1***$3").replace(KEY_VALUE_PASSWORD, "$1***");
}
