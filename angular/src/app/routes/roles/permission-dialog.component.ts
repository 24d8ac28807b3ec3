import { Component, computed, effect, inject, model, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import {
  IdentityPermissionGroupDto as PermissionGroupDto,
  IdentityRoleDto as RoleDto,
} from '@api/models';
import { RoleService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import {
  grantedOf,
  groupState,
  toGroupView,
  toggleGroup,
  togglePermission,
} from './permission-tree';

/** Permission tree of one role: tabs per group, "select all" per group, indented checkboxes. */
@Component({
  selector: 'app-permission-dialog',
  imports: [
    FormsModule,
    NzModalModule,
    NzCheckboxModule,
    NzTabsModule,
    NzSpinModule,
    NzAlertModule,
    TranslatePipe,
  ],
  template: `
    <nz-modal
      [nzVisible]="!!role()"
      [nzTitle]="'roles.permissionsTitle' | t: { name: role()?.displayName || role()?.name }"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="saving()"
      [nzOkDisabled]="loading() || !!loadError()"
      nzWidth="760px"
      (nzOnOk)="save()"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        @if (loadError()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
        }
        <nz-spin [nzSpinning]="loading()">
          <div class="summary muted">
            {{ 'roles.grantedCount' | t: { granted: granted().size, total: totalCount() } }}
          </div>
          <nz-tabs nzTabPosition="left" nzSize="small" class="perm-tabs">
            @for (group of views(); track group.name; let i = $index) {
              <nz-tab [nzTitle]="group.displayName">
                <div class="group-all">
                  <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                  <label
                    nz-checkbox
                    [ngModel]="state(i) === 'all'"
                    [nzIndeterminate]="state(i) === 'some'"
                    (ngModelChange)="onGroup(i, $event)"
                    [attr.data-testid]="'group-' + group.name"
                  >
                    {{ 'roles.selectAll' | t }}
                  </label>
                </div>
                @for (row of group.rows; track row.name) {
                  <div class="perm-row" [style.padding-left.px]="row.depth * 24">
                    <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
                    <label
                      nz-checkbox
                      [ngModel]="granted().has(row.name)"
                      (ngModelChange)="onPermission(row.name, $event)"
                      [attr.data-testid]="'perm-' + row.name"
                    >
                      {{ row.displayName }}
                    </label>
                  </div>
                }
              </nz-tab>
            }
          </nz-tabs>
        </nz-spin>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .summary {
      margin-bottom: 8px;
    }
    .perm-tabs {
      min-height: 320px;
    }
    .group-all {
      padding-bottom: 8px;
      margin-bottom: 8px;
      border-bottom: 1px solid #f0f0f0;
    }
    .perm-row {
      line-height: 32px;
    }
  `,
})
export class PermissionDialogComponent {
  private readonly api = inject(RoleService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  /** The role being edited; null closes the dialog. */
  readonly role = model<RoleDto | null>(null);

  protected readonly groups = signal<PermissionGroupDto[]>([]);
  protected readonly granted = signal<Set<string>>(new Set());
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly loadError = signal<string | null>(null);

  protected readonly views = computed(() => this.groups().map(toGroupView));
  protected readonly totalCount = computed(() =>
    this.groups().reduce((n, g) => n + (g.permissions?.length ?? 0), 0),
  );

  constructor() {
    effect(() => {
      const role = this.role();
      if (role) {
        untracked(() => this.load(role));
      }
    });
  }

  protected state(index: number) {
    const group = this.groups()[index];
    return group ? groupState(this.granted(), group) : 'none';
  }

  protected onGroup(index: number, checked: boolean): void {
    const group = this.groups()[index];
    if (group) {
      this.granted.set(toggleGroup(this.granted(), group, checked));
    }
  }

  protected onPermission(name: string, checked: boolean): void {
    this.granted.set(togglePermission(this.granted(), this.groups(), name, checked));
  }

  save(): void {
    const role = this.role();
    if (!role) {
      return;
    }
    this.saving.set(true);
    this.api
      .roleUpdatePermissions({
        id: role.id ?? '',
        body: { grantedPermissions: [...this.granted()].sort() },
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.message.success(this.i18n.t('roles.saved', { name: role.displayName || role.name }));
          this.role.set(null);
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.message.error(errorText(this.i18n, e));
        },
      });
  }

  close(): void {
    this.role.set(null);
  }

  private load(role: RoleDto): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.groups.set([]);
    this.granted.set(new Set());
    this.api.roleGetPermissions({ id: role.id ?? '' }).subscribe({
      next: (result) => {
        this.groups.set(result.groups ?? []);
        this.granted.set(grantedOf(result.groups ?? []));
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }
}
