/** ng-zorro tag colours of the workflow's statuses, the same on every screen. */

/** Colours by status name; a status not named gets the default colour. */
export type StatusColours = Readonly<Record<string, string>>;

/** The tag colour of `status` in `colours`, 'default' for a missing or unknown status. */
export function colourOf(colours: StatusColours, status: string | null | undefined): string {
  return status && Object.hasOwn(colours, status) ? colours[status] : 'default';
}

const PERIOD: StatusColours = {
  Open: 'green',
  Planned: 'blue',
  Locked: 'orange',
  Published: 'purple',
};
const LINE: StatusColours = {
  UnitSubmitted: 'cyan',
  Submitted: 'blue',
  Returned: 'red',
  Approved: 'green',
};
const SUBMISSION: StatusColours = {
  Submitted: 'blue',
  Returned: 'red',
  Approved: 'green',
  Withdrawn: 'orange',
};

/** Tag colour of an assessment period's status. */
export function periodStatusColour(status: string | null | undefined): string {
  return colourOf(PERIOD, status);
}

/** Tag colour of a line's status. */
export function lineStatusColour(status: string | null | undefined): string {
  return colourOf(LINE, status);
}

/** Tag colour of a city submission's status. */
export function submissionStatusColour(status: string | null | undefined): string {
  return colourOf(SUBMISSION, status);
}
