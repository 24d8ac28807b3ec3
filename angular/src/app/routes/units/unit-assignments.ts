import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsAssignUnitsInput as AssignUnitsInput,
} from '@api/models';

/** Agreements whose lines and key tasks a city may hand to its units, the one in force first. */
const ASSIGNABLE = ['InForce', 'Signed', 'Issued'];

/** The agreements a city may hand out, the one in force first, then the latest year. */
export function assignable(list: AgreementDto[]): AgreementDto[] {
  return list
    .filter((a) => ASSIGNABLE.includes(a.status ?? ''))
    .sort(
      (a, b) =>
        ASSIGNABLE.indexOf(a.status ?? '') - ASSIGNABLE.indexOf(b.status ?? '') ||
        (b.year ?? 0) - (a.year ?? 0),
    );
}

/** The PUT body: every line and key task with its unit (null: the city itself). */
export function assignmentBody(
  agreement: AgreementDto,
  picked: Record<string, string | null>,
): AssignUnitsInput {
  const unit = (kind: string, code: string, current: string | null | undefined) => {
    const key = `${kind}:${code}`;
    return key in picked ? picked[key] : (current ?? null);
  };
  return {
    lines: (agreement.lines ?? []).map((l) => ({
      code: l.code ?? '',
      unitId: unit('line', l.code ?? '', l.assignedUnitId),
    })),
    keyTasks: (agreement.keyTasks ?? []).map((t) => ({
      code: t.code ?? '',
      unitId: unit('task', t.code ?? '', t.assignedUnitId),
    })),
  };
}

/** The lines and key tasks of an agreement as rows of one table, keyed "line:A.1" and "task:K01". */
export function assignmentRows(a: AgreementDto | null) {
  return [
    ...(a?.lines ?? []).map((l) => ({
      key: `line:${l.code}`,
      kind: 'line',
      code: l.code,
      name: l.name,
      unitId: l.assignedUnitId ?? null,
    })),
    ...(a?.keyTasks ?? []).map((t) => ({
      key: `task:${t.code}`,
      kind: 'task',
      code: t.code,
      name: t.task,
      unitId: t.assignedUnitId ?? null,
    })),
  ];
}
