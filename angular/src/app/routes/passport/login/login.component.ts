import { Component, OnInit, inject, input, signal } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { AccountTenantLookupDto as TenantLookupDto } from '@api/models';
import { AccountService } from '@api/services';
import { AuthService } from '@core/auth/auth.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { applyProblemToForm, problemMessage, toProblemDetails } from '@core/net/problem-details';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { LangSwitchComponent } from '@shared/lang-switch.component';
import { ZorroSetupService } from '@shared/zorro-setup.service';

export type LoginSide = 'host' | 'city';

export const LAST_LOGIN_STORAGE_KEY = 'pa.lastLogin';

/** The host's codes for an account of the other side, and the side to use. */
const WRONG_SIDE: Record<string, LoginSide> = {
  'Error:SignInOnProvinceSide': 'host',
  'Error:SignInOnCitySide': 'city',
};

interface LastLogin {
  side: LoginSide;
  tenant: string | null;
  userName: string;
}

function readLastLogin(): LastLogin | null {
  try {
    const raw = localStorage.getItem(LAST_LOGIN_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as LastLogin) : null;
  } catch {
    return null;
  }
}

@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    NzFormModule,
    NzInputModule,
    NzButtonModule,
    NzSelectModule,
    NzSegmentedModule,
    NzAlertModule,
    NzIconModule,
    TranslatePipe,
    FieldErrorPipe,
    LangSwitchComponent,
  ],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
})
export class LoginComponent implements OnInit {
  private readonly zorro = inject(ZorroSetupService);
  private readonly account = inject(AccountService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);

  /** Query parameters bound by the router. */
  readonly returnUrl = input<string | undefined>();
  readonly expired = input<string | undefined>();

  protected readonly tenants = signal<TenantLookupDto[]>([]);
  protected readonly tenantsLoading = signal(false);
  protected readonly tenantsFailed = signal(false);
  protected readonly submitting = signal(false);
  /** Message from the server that belongs to no single field (wrong password, lockout...). */
  protected readonly serverError = signal<string | null>(null);
  /** The side the server says the account belongs to, after a sign-in on the other one. */
  protected readonly rightSide = signal<LoginSide | null>(null);

  private readonly last = readLastLogin();

  /** The city is required only when signing in to a pilot city. */
  private readonly cityRequired = (control: AbstractControl): ValidationErrors | null => {
    const side = control.parent?.get('side')?.value as LoginSide | undefined;
    return side === 'city' && !control.value ? { cityRequired: true } : null;
  };

  readonly form = inject(FormBuilder).group({
    side: [(this.last?.side === 'city' ? 'city' : 'host') as LoginSide],
    tenant: [this.last?.side === 'city' ? this.last.tenant : null, this.cityRequired],
    userName: [this.last?.userName ?? '', [Validators.required, Validators.maxLength(256)]],
    password: ['', [Validators.required, Validators.maxLength(128)]],
  });

  ngOnInit(): void {
    this.form.controls.side.valueChanges.subscribe(() => {
      this.form.controls.tenant.updateValueAndValidity();
      this.serverError.set(null);
      this.rightSide.set(null);
      if (
        this.form.controls.side.value === 'city' &&
        this.tenants().length === 0 &&
        !this.tenantsLoading()
      ) {
        this.loadTenants();
      }
    });
    this.loadTenants();
  }

  protected sideOptions() {
    return [
      { label: this.i18n.t('login.sideHost'), value: 'host' },
      { label: this.i18n.t('login.sideCity'), value: 'city' },
    ];
  }

  protected get isCity(): boolean {
    return this.form.controls.side.value === 'city';
  }

  loadTenants(): void {
    this.tenantsLoading.set(true);
    this.tenantsFailed.set(false);
    this.account.accountGetTenants().subscribe({
      next: (list) => {
        const active = list.filter((t) => t.isActive);
        this.tenants.set(active);
        this.tenantsLoading.set(false);
        const selected = this.form.controls.tenant.value;
        if (selected && !active.some((t) => t.name === selected)) {
          this.form.controls.tenant.setValue(null);
        }
      },
      error: () => {
        this.tenantsLoading.set(false);
        this.tenantsFailed.set(true);
      },
    });
  }

  /** Moves to the side the server named, keeping the user name; the password is typed again. */
  switchSide(): void {
    const side = this.rightSide();
    if (!side) {
      return;
    }
    this.form.controls.side.setValue(side);
    this.form.controls.password.reset('');
  }

  submit(): void {
    this.serverError.set(null);
    this.rightSide.set(null);
    if (this.form.invalid) {
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.markAsTouched();
        c.updateValueAndValidity({ onlySelf: true });
      });
      return;
    }
    const { side, tenant, userName, password } = this.form.getRawValue();
    const tenantName = side === 'city' ? tenant : null;
    this.submitting.set(true);
    this.auth
      .login({ tenant: tenantName, userName: userName ?? '', password: password ?? '' })
      .subscribe({
        next: () => {
          this.submitting.set(false);
          try {
            const remembered: LastLogin = {
              side: side ?? 'host',
              tenant: tenantName,
              userName: userName ?? '',
            };
            localStorage.setItem(LAST_LOGIN_STORAGE_KEY, JSON.stringify(remembered));
          } catch {
            // ignore
          }
          const target = this.returnUrl();
          void this.router.navigateByUrl(
            target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
          );
        },
        error: (e: unknown) => {
          this.submitting.set(false);
          const problem = toProblemDetails(e);
          this.rightSide.set(WRONG_SIDE[problem?.code ?? ''] ?? null);
          const unmatched = applyProblemToForm(this.form, problem);
          const fieldErrorsShown =
            !!problem?.errors && unmatched.length < Object.keys(problem.errors).length;
          const text = [problem?.detail, ...unmatched].filter((m): m is string => !!m).join(' ');
          if (text) {
            this.serverError.set(text);
          } else if (!fieldErrorsShown) {
            this.serverError.set(
              problemMessage(e, {
                network: this.i18n.t('common.networkError'),
                unknown: this.i18n.t('common.unknownError'),
              }),
            );
          }
        },
      });
  }
}
