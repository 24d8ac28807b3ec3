import { StatusColours, colourOf } from '@shared/status-colours';

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

const AGREEMENT_COLOURS: StatusColours = {
  Issued: 'blue',
  Signed: 'cyan',
  InForce: 'green',
  Superseded: 'purple',
};

export function agreementStatusColour(status: string | null | undefined): string {
  return colourOf(AGREEMENT_COLOURS, status);
}

/** Index of the current step for nz-steps (a superseded or closed version completed all four). */
export function agreementStep(status: string | null | undefined): number {
  const index = AGREEMENT_STEPS.indexOf(status as (typeof AGREEMENT_STEPS)[number]);
  return index >= 0 ? index : AGREEMENT_STEPS.length;
}

const KEY_TASK_COLOURS: StatusColours = { Done: 'green', InProgress: 'blue', Overdue: 'red' };

export function keyTaskStatusColour(status: string | null | undefined): string {
  return colourOf(KEY_TASK_COLOURS, status);
}
