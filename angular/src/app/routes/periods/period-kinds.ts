/** Kinds in the host's enum order: the create input takes the index, the list shows the name. */
export const PERIOD_KINDS = ['Annual', 'HalfYear', 'Quarterly', 'Monthly'] as const;
export const PERIOD_STATUSES = ['Planned', 'Open', 'Locked', 'Published'] as const;
