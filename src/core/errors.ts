/**
 * Error classes exist only where severity is routed:
 * - UserError: bad input or configuration. One line, no stack trace, nothing was changed.
 * - CheckFailedError: the step ran and its verdict is "failed" (a check, a deploy script, a lock).
 * Anything else is unexpected and reported with its message (stack only in debug).
 */
export class UserError extends Error {
  override name = 'UserError'
}

export class CheckFailedError extends Error {
  override name = 'CheckFailedError'
  constructor(
    message: string,
    /** The last lines a failed script printed (secrets already masked), for the summary. */
    readonly lastLines: string[] = []
  ) {
    super(message)
  }
}

/** An input value that does not have the accepted form. */
export class InputError extends UserError {
  constructor(
    readonly input: string,
    problem: string,
    accepted: string
  ) {
    super(`Input '${input}' ${problem}; expected ${accepted}.`)
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}
