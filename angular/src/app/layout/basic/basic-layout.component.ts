import { Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuthService } from '@core/auth/auth.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { filterMenu, MENU } from '@core/menu/menu';
import { SessionService } from '@core/session/session.service';
import { LangSwitchComponent } from '@shared/lang-switch.component';
import { ZorroSetupService } from '@shared/zorro-setup.service';
import { ChangePasswordDialogComponent } from './change-password-dialog.component';
import { BreadcrumbComponent } from '../breadcrumb/breadcrumb.component';

@Component({
  selector: 'app-basic-layout',
  imports: [
    BreadcrumbComponent,
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzDropDownModule,
    NzTagModule,
    NzButtonModule,
    NzAlertModule,
    TranslatePipe,
    LangSwitchComponent,
    ChangePasswordDialogComponent,
  ],
  templateUrl: './basic-layout.component.html',
  styleUrl: './basic-layout.component.css',
})
export class BasicLayoutComponent {
  private readonly zorro = inject(ZorroSetupService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);

  protected readonly collapsed = signal(false);
  protected readonly changePasswordOpen = signal(false);

  /** Menu visible to the current user, recomputed when the configuration changes. */
  protected readonly menu = computed(() => {
    this.session.grantedPolicies();
    return filterMenu(MENU, (p) => this.session.isGranted(p));
  });

  protected readonly displayName = computed(() => {
    const user = this.session.currentUser();
    return user?.name || user?.userName || '';
  });

  protected readonly avatarText = computed(() => this.displayName().slice(0, 1).toUpperCase());

  /** City name of a city user, or null for the province. */
  protected readonly tenantName = computed(() => this.session.currentTenant()?.name ?? null);

  logout(): void {
    this.auth.logout().subscribe();
  }

  leaveCity(): void {
    this.session.setActingTenant(null);
    this.session.load().subscribe(() => void this.router.navigate(['/tenants']));
  }
}
