import { signal } from '@angular/core';
import { Observable, catchError, of } from 'rxjs';

import { TrendPoint } from '../monitoring';

/**
 * The score rates of the scheme's published periods: they belong to the scheme, so they are
 * fetched again only when the picked period has another scheme. A failure is kept as its text.
 */
export class DashboardTrends {
  private schemeId: string | null = null;
  readonly points = signal<TrendPoint[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly fetch: (schemeId: string) => Observable<TrendPoint[]>,
    private readonly visible: (points: TrendPoint[]) => TrendPoint[],
    private readonly errorText: (e: unknown) => string,
  ) {}

  load(schemeId: string | null): void {
    if (schemeId === this.schemeId) {
      return;
    }
    this.schemeId = schemeId;
    this.points.set([]);
    this.error.set(null);
    if (!schemeId) {
      return;
    }
    this.loading.set(true);
    this.fetch(schemeId)
      .pipe(
        catchError((e: unknown) => {
          if (this.schemeId === schemeId) {
            this.error.set(this.errorText(e));
          }
          return of([] as TrendPoint[]);
        }),
      )
      .subscribe((points) => {
        if (this.schemeId === schemeId) {
          this.loading.set(false);
          this.points.set(this.visible(points));
        }
      });
  }
}
