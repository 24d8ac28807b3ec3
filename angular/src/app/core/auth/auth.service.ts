import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import {
  Observable,
  catchError,
  finalize,
  map,
  of,
  shareReplay,
  switchMap,
  tap,
  throwError,
} from 'rxjs';

import { ApplicationConfigurationApplicationConfigurationDto as ApplicationConfigurationDto } from '@api/models';
import { AccountService } from '@api/services';
import { SessionService } from '../session/session.service';
import { TokenService } from './token.service';

export interface LoginRequest {
  /** Tenant (pilot city) name; null signs in to the province (host). */
  tenant: string | null;
  userName: string;
  password: string;
}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly account = inject(AccountService);
  private readonly tokens = inject(TokenService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  private refreshing$: Observable<string> | null = null;

  /** Signs in, stores the tokens and loads the user's configuration. */
  login(request: LoginRequest): Observable<ApplicationConfigurationDto> {
    return this.account
      .accountLogin({
        body: {
          tenant: request.tenant || null,
          userName: request.userName.trim(),
          password: request.password,
        },
      })
      .pipe(
        tap((result) => {
          this.session.clear();
          this.tokens.set(result);
        }),
        switchMap(() => this.session.load()),
      );
  }

  /**
   * Exchanges the refresh token for a new access token. Concurrent callers (several requests
   * failing with 401 at once) share the same refresh request. Emits the new access token.
   */
  refresh(): Observable<string> {
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken) {
      return throwError(() => new Error('No refresh token'));
    }
    if (!this.refreshing$) {
      this.refreshing$ = this.account.accountRefresh({ body: { refreshToken } }).pipe(
        tap((result) => this.tokens.set(result)),
        map((result) => result.accessToken ?? ''),
        finalize(() => (this.refreshing$ = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.refreshing$;
  }

  /** Revokes the refresh token (best effort), forgets the session and goes to the sign-in page. */
  logout(): Observable<void> {
    const refreshToken = this.tokens.refreshToken;
    const revoke$ = refreshToken
      ? this.account.accountLogout({ body: { refreshToken } }).pipe(catchError(() => of(undefined)))
      : of(undefined);
    return revoke$.pipe(
      map(() => undefined),
      finalize(() => {
        this.tokens.clear();
        this.session.clear();
        void this.router.navigate(['/login']);
      }),
    );
  }

  /** Called when the session cannot be renewed: forget it and ask the user to sign in again. */
  expire(): void {
    this.tokens.clear();
    this.session.clear();
    // During a navigation (e.g. a reload on /users) the page being opened is the one to return to.
    const pending = this.router.currentNavigation();
    const returnUrl = pending
      ? this.router.serializeUrl(pending.finalUrl ?? pending.extractedUrl)
      : this.router.url;
    void this.router.navigate(['/login'], {
      queryParams:
        returnUrl && !returnUrl.startsWith('/login') ? { returnUrl, expired: 1 } : { expired: 1 },
    });
  }
}
