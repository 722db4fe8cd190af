/** Where the CLI writes and what it reads from its surroundings; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Standard output is a terminal that shows bold (and NO_COLOR is not set). */
  color?: boolean
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  color: process.stdout.isTTY && !process.env.NO_COLOR,
}

/** A failure the user caused or can fix: printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}
