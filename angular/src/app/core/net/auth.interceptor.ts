import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { TokenService } from '../auth/token.service';
import { I18nService } from '../i18n/i18n.service';
import { SessionService } from '../session/session.service';

/** Endpoints that must never trigger a token refresh (they are the refresh machinery itself). */
const AUTH_ENDPOINTS = ['/api/account/login', '/api/account/refresh', '/api/account/logout'];

function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') || url.includes('/api/');
}

function isAuthEndpoint(url: string): boolean {
  return AUTH_ENDPOINTS.some((path) => url.includes(path));
}

function withHeaders(
  req: HttpRequest<unknown>,
  headers: Record<string, string>,
): HttpRequest<unknown> {
  return req.clone({ setHeaders: headers });
}

/**
 * Adds `Authorization: Bearer`, `Accept-Language` and (for a provincial user acting in a city)
 * `__tenant` to API calls. On a 401 it refreshes the token once and retries the request once;
 * if that fails too, the session is over and the user is sent to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url)) {
    return next(req);
  }
  const tokens = inject(TokenService);
  const auth = inject(AuthService);
  const i18n = inject(I18nService);
  const session = inject(SessionService);

  const headers: Record<string, string> = { 'Accept-Language': i18n.acceptLanguage() };
  const accessToken = tokens.accessToken;
  if (accessToken && !isAuthEndpoint(req.url)) {
    headers['Authorization'] = `Bearer ${accessToken}`;
  }
  const acting = session.actingTenant();
  if (acting && !req.headers.has('__tenant') && !isAuthEndpoint(req.url)) {
    headers['__tenant'] = acting.id;
  }

  return next(withHeaders(req, headers)).pipe(
    catchError((error: unknown) => {
      const unauthorized = error instanceof HttpErrorResponse && error.status === 401;
      if (!unauthorized || !accessToken || isAuthEndpoint(req.url)) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError(() => {
          auth.expire();
          return throwError(() => error);
        }),
        switchMap((newToken) =>
          next(withHeaders(req, { ...headers, Authorization: `Bearer ${newToken}` })).pipe(
            catchError((retryError: unknown) => {
              if (retryError instanceof HttpErrorResponse && retryError.status === 401) {
                auth.expire();
              }
              return throwError(() => retryError);
            }),
          ),
        ),
      );
    }),
  );
};
