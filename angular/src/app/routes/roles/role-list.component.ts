import { Component, OnInit, inject, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IdentityRoleDto as RoleDto } from '@api/models';
import { RoleService } from '@api/services';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { listSource } from '@shared/list-source';
import { ListTableDirective } from '@shared/list-table.directive';
import { PageHeaderComponent } from '@shared/page-header.component';
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
    PageHeaderComponent,
    ListTableDirective,
  ],
  template: `
    <app-page-header
      [title]="'roles.title' | t"
      [subtitle]="'roles.subtitle' | t"
      reloadable
      (reload)="list.load()"
    />
    @if (list.loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="list.loadError()!" />
    }
    <nz-table #table [appListTable]="list" data-testid="role-table">
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
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Roles;

  readonly list = listSource(() => this.api.roleGetList());
  protected readonly editing = signal<RoleDto | null>(null);

  ngOnInit(): void {
    this.list.load();
  }
}
