import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsUpdateAgreementInput as UpdateAgreementInput,
} from '@api/models';

/** The PUT body that keeps everything of the agreement but its title and the given targets. */
export function updateBody(
  agreement: AgreementDto,
  title: string,
  targets: Record<string, number | null>,
): UpdateAgreementInput {
  const lines = agreement.lines ?? [];
  const target = (code: string, current: number | null | undefined) =>
    code in targets ? targets[code] : (current ?? null);
  return {
    title,
    targets: lines
      .filter((l) => !l.isExtra)
      .map((l) => ({ code: l.code ?? '', target: target(l.code ?? '', l.target), note: l.note })),
    extraLines: lines
      .filter((l) => l.isExtra)
      .map((l) => ({
        code: l.code ?? '',
        name: l.name ?? '',
        maxPoints: l.maxPoints ?? 0,
        target: target(l.code ?? '', l.target),
        note: l.note,
      })),
    keyTasks: (agreement.keyTasks ?? []).map((t) => ({
      code: t.code ?? '',
      area: t.area ?? '',
      task: t.task ?? '',
      responsibleUnit: t.responsibleUnit,
      responsibleUnitId: t.responsibleUnitId,
      dueDate: t.dueDate,
      milestones: t.milestones ?? [],
    })),
    duties: agreement.duties ?? [],
    prohibitions: agreement.prohibitions ?? [],
    rules: agreement.rules ?? [],
    concurrencyStamp: agreement.concurrencyStamp ?? '',
  };
}

/** Human size of a file: 1.2 MB, 350 KB. */
export function fileSize(bytes: number | null | undefined): string {
  const n = bytes ?? 0;
  if (n >= 1024 * 1024) {
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** The files a scan or evidence may be: PDF, PNG or JPEG. */
export const ACCEPT_SCANS = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
