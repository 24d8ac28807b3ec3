import { Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzMessageService } from 'ng-zorro-antd/message';
import { defer, tap } from 'rxjs';

import { AuthService } from '@core/auth/auth.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { PasswordChange } from '@shared/change-password/change-password';
import { ChangePasswordFormComponent } from '@shared/change-password/change-password-form.component';

/**
 * Shown after a sign-in whose password must be changed first (the first administrator of an
 * installation): the server refuses everything else until then.
 */
@Component({
  selector: 'app-change-password',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    TranslatePipe,
    ChangePasswordFormComponent,
  ],
  templateUrl: './change-password.component.html',
  styleUrl: '../login/login.component.css',
})
export class ChangePasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  /** Query parameter bound by the router: the page to open afterwards. */
  readonly returnUrl = input<string | undefined>();

  protected readonly change = new PasswordChange();

  /** The configuration is read again with the new tokens, then the page asked for opens. */
  protected readonly done = () =>
    defer(() => {
      this.session.clear();
      return this.session.load();
    }).pipe(
      tap(() => {
        this.message.success(this.i18n.t('changePassword.success'));
        const target = this.returnUrl();
        void this.router.navigateByUrl(
          target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
        );
      }),
    );

  get form() {
    return this.change.form;
  }

  signOut(): void {
    this.auth.logout().subscribe();
  }
}
