import { Component, OnInit, inject, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IdentityRoleDto as RoleDto } from '@api/models';
import { RoleService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { PermissionDialogComponent } from './permission-dialog.component';

@Component({
  selector: 'app-role-list',
  imports: [
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzTagModule,
    NzAlertModule,
    TranslatePipe,
    PermissionDialogComponent,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ 'roles.title' | t }}</h1>
        <div class="subtitle">{{ 'roles.subtitle' | t }}</div>
      </div>
      <button nz-button (click)="load()" [attr.aria-label]="'common.refresh' | t">
        <nz-icon nzType="reload" />
      </button>
    </div>
    @if (loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
    }
    <nz-table
      #table
      [nzData]="items()"
      [nzLoading]="loading()"
      [nzShowPagination]="false"
      data-testid="role-table"
    >
      <thead>
        <tr>
          <th>{{ 'roles.displayName' | t }}</th>
          <th>{{ 'roles.name' | t }}</th>
          <th nzWidth="100px">{{ 'roles.isStatic' | t }}</th>
          <th nzWidth="140px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (role of table.data; track role.id) {
          <tr>
            <td>{{ role.displayName || role.name }}</td>
            <td class="mono">{{ role.name }}</td>
            <td>
              @if (role.isStatic) {
                <nz-tag nzColor="blue">{{ 'common.yes' | t }}</nz-tag>
              }
            </td>
            <td>
              @if (session.isGranted(P.ManagePermissions)) {
                <a
                  (click)="editing.set(role)"
                  role="button"
                  tabindex="0"
                  (keyup.enter)="editing.set(role)"
                >
                  <nz-icon nzType="safety-certificate" /> {{ 'roles.permissions' | t }}
                </a>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <app-permission-dialog [(role)]="editing" />
  `,
})
export class RoleListComponent implements OnInit {
  private readonly api = inject(RoleService);
  private readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Roles;

  protected readonly items = signal<RoleDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly editing = signal<RoleDto | null>(null);

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.roleGetList().subscribe({
      next: (result) => {
        this.items.set(result.items ?? []);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }
}
