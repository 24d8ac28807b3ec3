import { DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';

/**
 * What a page shows kept in its URL's query (?period=…&city=…), so that a link can be shared,
 * a reload shows the same and Back returns to what was seen before. Call in an injection context.
 */
export function urlQuery() {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const destroyRef = inject(DestroyRef);
  return {
    /** A value of the query as the page was opened or last navigated to. */
    get: (key: string): string | null => route.snapshot.queryParamMap.get(key),
    /**
     * Writes values into the query, keeping the others (null removes one): 'push' for a person's
     * pick (Back returns to the previous one), 'replace' for what the page chose by itself.
     */
    set(values: Record<string, string | null>, mode: 'push' | 'replace' = 'push'): void {
      const current = route.snapshot.queryParamMap;
      if (Object.entries(values).every(([k, v]) => current.get(k) === v)) {
        return;
      }
      void router.navigate([], {
        relativeTo: route,
        queryParams: values,
        queryParamsHandling: 'merge',
        replaceUrl: mode === 'replace',
      });
    },
    /** Follows the query (Back and Forward, a link) until the page is destroyed. */
    follow(next: (query: ParamMap) => void): void {
      route.queryParamMap.pipe(takeUntilDestroyed(destroyRef)).subscribe(next);
    },
  };
}
