import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { Observable, catchError, map, of } from 'rxjs';

import { TokenService } from '../auth/token.service';
import { filterMenu, firstLink, MENU } from '../menu/menu';
import { SessionService } from '../session/session.service';

function loginTree(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(
    ['/login'],
    returnUrl && returnUrl !== '/' ? { queryParams: { returnUrl } } : {},
  );
}

/** Lets only signed-in users through; loads the application configuration on the way. */
export const authGuard: CanActivateFn = (
  _route,
  state,
): Observable<boolean | UrlTree> | UrlTree => {
  const tokens = inject(TokenService);
  const session = inject(SessionService);
  const router = inject(Router);
  if (!tokens.hasToken()) {
    return loginTree(router, state.url);
  }
  if (tokens.mustChangePassword()) {
    return router.createUrlTree(['/change-password'], {
      queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {},
    });
  }
  return session.ensureLoaded().pipe(
    map((config) => (config.currentUser?.isAuthenticated ? true : loginTree(router, state.url))),
    catchError(() => of(loginTree(router, state.url))),
  );
};

/** Sends "/" to the first page the user may open. */
export const homeRedirectGuard: CanActivateFn = (): Observable<UrlTree> => {
  const session = inject(SessionService);
  const router = inject(Router);
  return session.ensureLoaded().pipe(
    map(() => {
      const link = firstLink(filterMenu(MENU, (p) => session.isGranted(p)));
      return router.parseUrl(link ?? '/exception/403');
    }),
    catchError(() => of(router.parseUrl('/login'))),
  );
};
