import { Injectable, computed, signal } from '@angular/core';

import { AccountTokenResultDto as TokenResult } from '@api/models';

export interface StoredToken {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  /** The password must be changed before anything else (first sign-in of an administrator). */
  mustChangePassword?: boolean;
}

export const TOKEN_STORAGE_KEY = 'pa.auth';

function readStored(): StoredToken | null {
  try {
    const raw = localStorage.getItem(TOKEN_STORAGE_KEY);
    if (!raw) {
      return null;
    }
    const parsed = JSON.parse(raw) as Partial<StoredToken>;
    return parsed.accessToken && parsed.refreshToken
      ? {
          accessToken: parsed.accessToken,
          refreshToken: parsed.refreshToken,
          expiresAt: parsed.expiresAt ?? 0,
          mustChangePassword: parsed.mustChangePassword === true,
        }
      : null;
  } catch {
    return null;
  }
}

/** Keeps the access and refresh tokens in localStorage so a reload keeps the user signed in. */
@Injectable({ providedIn: 'root' })
export class TokenService {
  private readonly state = signal<StoredToken | null>(readStored());

  readonly token = this.state.asReadonly();
  readonly hasToken = computed(() => this.state() !== null);
  readonly mustChangePassword = computed(() => this.state()?.mustChangePassword === true);

  get accessToken(): string | null {
    return this.state()?.accessToken ?? null;
  }

  get refreshToken(): string | null {
    return this.state()?.refreshToken ?? null;
  }

  set(result: TokenResult, now = Date.now()): void {
    const token: StoredToken = {
      accessToken: result.accessToken ?? '',
      refreshToken: result.refreshToken ?? '',
      expiresAt: now + (result.expiresIn ?? 0) * 1000,
      mustChangePassword: result.mustChangePassword === true,
    };
    this.state.set(token);
    try {
      localStorage.setItem(TOKEN_STORAGE_KEY, JSON.stringify(token));
    } catch {
      // keep the in-memory token when storage is unavailable
    }
  }

  clear(): void {
    this.state.set(null);
    try {
      localStorage.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // ignore
    }
  }
}
