/** The lifecycle of a target-responsibility agreement, in the host's order. */
export const AGREEMENT_STATUSES = [
  'Draft',
  'Issued',
  'Signed',
  'InForce',
  'Superseded',
  'Closed',
] as const;

/** The four steps a version goes through; superseded and closed versions end after 生效. */
export const AGREEMENT_STEPS = ['Draft', 'Issued', 'Signed', 'InForce'] as const;

export function agreementStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'Draft':
      return 'default';
    case 'Issued':
      return 'blue';
    case 'Signed':
      return 'cyan';
    case 'InForce':
      return 'green';
    case 'Superseded':
      return 'purple';
    case 'Closed':
      return 'default';
    default:
      return 'default';
  }
}

/** Index of the current step for nz-steps (a superseded or closed version completed all four). */
export function agreementStep(status: string | null | undefined): number {
  const index = AGREEMENT_STEPS.indexOf(status as (typeof AGREEMENT_STEPS)[number]);
  return index >= 0 ? index : AGREEMENT_STEPS.length;
}

export function keyTaskStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'Done':
      return 'green';
    case 'InProgress':
      return 'blue';
    case 'Overdue':
      return 'red';
    default:
      return 'default';
  }
}
