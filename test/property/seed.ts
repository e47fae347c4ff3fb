/**
 * The seed of a property-test run: FC_SEED when set (to replay a failure), else a fresh one.
 * Printed once per file, so any failing run can be replayed exactly.
 */
export function propertySeed(file: string): number {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  console.log(`${file}: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}
