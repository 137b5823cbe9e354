/** Reads a variable the test set for this worker, failing loudly when it is missing. */
export function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`The worker needs the ${name} environment variable.`);
  return value;
}
