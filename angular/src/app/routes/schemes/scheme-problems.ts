import { computed, signal } from '@angular/core';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { toProblemDetails } from '@core/net/problem-details';
import {
  IndicatorRow,
  ProblemGroup,
  SchemeDefinition,
  groupDraftProblems,
  groupProblems,
} from '@shared/scheme-definition';
import { itemOrder, messagesByTarget } from './scheme-tree';

/**
 * What is wrong with the scheme shown: a draft's own problems (from GET) and every problem of the
 * last failed publish, each grouped by item code in the scheme's order.
 */
export class SchemeProblems {
  /** Every problem of the last failed publish, grouped by indicator code. */
  readonly publish = signal<ProblemGroup[] | null>(null);
  readonly publishTitle = signal<string | null>(null);

  /** Code order of the scheme's items, so problems are listed in that order. */
  private readonly order = computed(() => itemOrder(this.definition(), this.indicators()));
  /** A draft's own problems, grouped the same way. */
  readonly draft = computed(() =>
    this.scheme()?.status === 'Draft'
      ? groupDraftProblems(this.scheme()?.problems, this.order())
      : [],
  );
  /** Problems by target code, shown beside the indicator. */
  readonly byCode = computed(() => messagesByTarget([...this.draft(), ...(this.publish() ?? [])]));

  constructor(
    private readonly scheme: () => SchemeDto | null,
    private readonly definition: () => SchemeDefinition,
    private readonly indicators: () => IndicatorRow[],
  ) {}

  clear(): void {
    this.publish.set(null);
    this.publishTitle.set(null);
  }

  /** Lists the problems a refused publish names; false when it names none (another failure). */
  showPublishFailure(e: unknown): boolean {
    const problem = toProblemDetails(e);
    const groups = groupProblems(problem, this.order());
    if (!groups.length) {
      return false;
    }
    this.publishTitle.set(problem?.title ?? null);
    this.publish.set(groups);
    return true;
  }
}
