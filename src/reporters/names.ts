/**
 * The output format names (Hadolint's set, in its order; `tty` is the default). Kept apart from the
 * reporter modules so that option parsing can validate a name without loading every formatter.
 */
export const FORMAT_NAMES = [
  'tty',
  'json',
  'checkstyle',
  'codeclimate',
  'gitlab_codeclimate',
  'gnu',
  'codacy',
  'sonarqube',
  'sarif',
  'junit',
] as const;
