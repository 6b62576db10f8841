/** An error the command line reports as it is (to stderr, exit status 1) rather than with a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
