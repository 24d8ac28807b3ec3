/** A copy of the set of indicator codes with the line's code added (on) or removed (off), for a signal update. */
export function withCode(
  set: ReadonlySet<string>,
  code: string | null | undefined,
  on: boolean,
): Set<string> {
  const next = new Set(set);
  if (on) {
    next.add(code ?? '');
  } else {
    next.delete(code ?? '');
  }
  return next;
}
