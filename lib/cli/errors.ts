/** A failure the CLI explains in one line; exit code 1. */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** The command line itself is wrong (unknown option, bad value, missing argument): exit code 2, before any request. */
export class UsageError extends CliError {
  override readonly exitCode = 2;
  constructor(
    message: string,
    /** The command whose --help to point at, e.g. "tree" or "patches attach". */
    readonly command?: string,
  ) {
    super(message);
  }
}
