/** The countdown of an entry window as an i18n key and its count: 距截止还有 N 天, 今天截止, 已截止. */
export function countdown(daysLeft: number | undefined | null): { key: string; n: number } {
  const days = daysLeft ?? 0;
  if (days > 0) {
    return { key: 'todo.daysLeft', n: days };
  }
  return days === 0 ? { key: 'todo.closesToday', n: 0 } : { key: 'todo.closedDaysAgo', n: -days };
}

/** Tag colour of a countdown: red within 3 days (or closed), orange within a week. */
export function countdownColour(daysLeft: number | undefined | null): string {
  const days = daysLeft ?? 0;
  if (days <= 3) {
    return 'red';
  }
  return days <= 7 ? 'orange' : 'blue';
}

/** Copies a text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
