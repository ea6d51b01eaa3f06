/** Errors of the store that callers tell apart, in a module that loads no database driver. */
export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable';
}
