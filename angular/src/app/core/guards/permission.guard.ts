import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { Observable, catchError, map, of } from 'rxjs';

import { SessionService } from '../session/session.service';

/**
 * Route guard reading `data: { permission: 'PilotAssessment.X' }` (a name or a list that must all
 * be granted). Without the permission the user lands on the 403 page.
 */
export const permissionGuard: CanActivateFn = (route): Observable<boolean | UrlTree> => {
  const session = inject(SessionService);
  const router = inject(Router);
  const required = route.data['permission'] as string | string[] | undefined;
  return session.ensureLoaded().pipe(
    map(() => (session.isGranted(required) ? true : router.parseUrl('/exception/403'))),
    catchError(() => of(router.parseUrl('/login'))),
  );
};
