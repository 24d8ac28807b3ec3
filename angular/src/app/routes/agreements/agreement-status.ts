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

export type AgreementTransition = 'issue' | 'putInForce' | 'close' | 'amend' | 'delete';

/** A confirmed step of the province on the agreement, a button in the page header. */
export interface TransitionButton {
  action: AgreementTransition;
  /** Statuses the step is offered in. */
  from: readonly string[];
  label: string;
  confirm: string;
  testId: string;
  icon?: string;
  primary?: boolean;
  danger?: boolean;
}

/** The province's steps in the order of their buttons. */
export const AGREEMENT_TRANSITIONS: readonly TransitionButton[] = [
  {
    action: 'delete',
    from: ['Draft'],
    label: 'common.delete',
    confirm: 'agreements.confirmDelete',
    testId: 'agreement-delete',
    icon: 'delete',
    danger: true,
  },
  {
    action: 'issue',
    from: ['Draft'],
    label: 'agreements.issue',
    confirm: 'agreements.confirmIssue',
    testId: 'agreement-issue',
    icon: 'send',
    primary: true,
  },
  {
    action: 'putInForce',
    from: ['Signed'],
    label: 'agreements.putInForce',
    confirm: 'agreements.confirmInForce',
    testId: 'agreement-in-force',
    primary: true,
  },
  {
    action: 'amend',
    from: ['Signed', 'InForce'],
    label: 'agreements.amend',
    confirm: 'agreements.confirmAmend',
    testId: 'agreement-amend',
    icon: 'edit',
  },
  {
    action: 'close',
    from: ['InForce'],
    label: 'agreements.close',
    confirm: 'agreements.confirmClose',
    testId: 'agreement-close',
    danger: true,
  },
];
