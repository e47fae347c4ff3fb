/** What the panel's jump fields accept, turned into a jump's values. Framework-free. */

/** A generation typed in the "go to generation" field: a whole number from 0 (the root) to `max` (the snapshot itself). */
export function parseGeneration(text: string, max: number): { depth: number } | { problem: string } {
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) > max) {
    return { problem: `Pick a generation from 0 (the root) to ${max} (this snapshot).` };
  }
  return { depth: Number(value) };
}

/** An ISO time as a datetime-local field shows it: the browser's local time, to the minute. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local field's value (local time) as ISO-8601, or null when it holds no valid time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
