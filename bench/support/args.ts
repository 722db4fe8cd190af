/** `--name value` pairs from a benchmark's command line (npm run x -- --articles 10000). */
export function numberArgument(argv: readonly string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`)
  if (index < 0) return fallback
  const value = Number(argv[index + 1])
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} needs a positive whole number, not "${argv[index + 1] ?? ''}"`)
  return value
}

export function stringArgument(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`)
  return index < 0 ? undefined : argv[index + 1]
}
