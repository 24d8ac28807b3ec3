/** ng-zorro tag colours of the workflow's statuses, the same on every screen. */

/** Tag colour of an assessment period's status. */
export function periodStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'Open':
      return 'green';
    case 'Planned':
      return 'blue';
    case 'Locked':
      return 'orange';
    case 'Published':
      return 'purple';
    default:
      return 'default';
  }
}

/** Tag colour of a line's status. */
export function lineStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'UnitSubmitted':
      return 'cyan';
    case 'Submitted':
      return 'blue';
    case 'Returned':
      return 'red';
    case 'Approved':
      return 'green';
    default:
      return 'default';
  }
}

/** Tag colour of a city submission's status. */
export function submissionStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'Submitted':
      return 'blue';
    case 'Returned':
      return 'red';
    case 'Approved':
      return 'green';
    case 'Withdrawn':
      return 'orange';
    default:
      return 'default';
  }
}
