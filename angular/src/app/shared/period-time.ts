/** "2026-03-01T09:00" (Asia/Shanghai wall clock from the host) → "2026-03-01 09:00". */
export function localText(value: string | null | undefined): string {
  return (value ?? '').replace('T', ' ').slice(0, 16);
}

/**
 * The wall-clock time picked in the date picker, sent as Asia/Shanghai time without an offset
 * ("yyyy-MM-ddTHH:mm:00"), whatever the browser's own time zone.
 */
export function shanghaiWallClock(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:00`
  );
}
