import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, finalize, of, shareReplay, tap } from 'rxjs';

import { ApplicationConfigurationApplicationConfigurationDto as ApplicationConfigurationDto } from '@api/models';
import { ApplicationConfigurationService } from '@api/services';

export interface ActingTenant {
  id: string;
  name: string;
}

export const ACTING_TENANT_STORAGE_KEY = 'pa.actingTenant';

function readActingTenant(): ActingTenant | null {
  try {
    const raw = sessionStorage.getItem(ACTING_TENANT_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as ActingTenant) : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user's application configuration (user, tenant, granted permissions),
 * loaded from /api/app/application-configuration, plus the city a provincial user acts in.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(ApplicationConfigurationService);

  private readonly configState = signal<ApplicationConfigurationDto | null>(null);
  private readonly actingState = signal<ActingTenant | null>(readActingTenant());
  private loading$: Observable<ApplicationConfigurationDto> | null = null;

  readonly config = this.configState.asReadonly();
  readonly currentUser = computed(() => this.configState()?.currentUser ?? null);
  readonly currentTenant = computed(() => this.configState()?.currentTenant ?? null);
  readonly isAuthenticated = computed(
    () => this.configState()?.currentUser?.isAuthenticated === true,
  );
  readonly grantedPolicies = computed<Record<string, boolean>>(
    () => this.configState()?.auth?.grantedPolicies ?? {},
  );
  /** A city a provincial (host) user has entered; sent as the `__tenant` header. */
  readonly actingTenant = this.actingState.asReadonly();
  /** True for a user of the province (host), i.e. without a tenant of their own. */
  readonly isHostUser = computed(() => {
    const user = this.currentUser();
    return !!user && !user.tenantId;
  });

  /** Whether every given permission is granted. An empty/undefined requirement is always met. */
  isGranted(permission: string | readonly string[] | null | undefined): boolean {
    if (!permission) {
      return true;
    }
    const granted = this.grantedPolicies();
    const names = typeof permission === 'string' ? [permission] : permission;
    return names.every((name) => granted[name] === true);
  }

  /** Loads the configuration from the host; concurrent callers share one request. */
  load(): Observable<ApplicationConfigurationDto> {
    if (!this.loading$) {
      this.loading$ = this.api.applicationConfigurationGet().pipe(
        tap((config) => this.configState.set(config)),
        finalize(() => (this.loading$ = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.loading$;
  }

  /** The loaded configuration, loading it first if needed. */
  ensureLoaded(): Observable<ApplicationConfigurationDto> {
    const config = this.configState();
    return config ? of(config) : this.load();
  }

  setActingTenant(tenant: ActingTenant | null): void {
    this.actingState.set(tenant);
    try {
      if (tenant) {
        sessionStorage.setItem(ACTING_TENANT_STORAGE_KEY, JSON.stringify(tenant));
      } else {
        sessionStorage.removeItem(ACTING_TENANT_STORAGE_KEY);
      }
    } catch {
      // ignore
    }
  }

  clear(): void {
    this.configState.set(null);
    this.setActingTenant(null);
  }
}
