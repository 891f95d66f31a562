/** "1 GPU", "2 GPUs", "0 threads": English count with a plural that only needs an "s". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
