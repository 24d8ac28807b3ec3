import { Component, computed, effect, inject, model, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
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
import { plainDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
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
    NzCheckboxModule,
    NzTabsModule,
    NzSpinModule,
    FormModalComponent,
    TranslatePipe,
  ],
  template: `
    <app-form-modal
      [dialog]="dialog"
      [title]="'roles.permissionsTitle' | t: { name: role()?.displayName || role()?.name }"
      width="760px"
      [okDisabled]="loading() || loadFailed()"
      (submitted)="save()"
    >
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
                  [ngModelOptions]="{ standalone: true }"
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
                    [ngModelOptions]="{ standalone: true }"
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
    </app-form-modal>
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
  /** The shared form modal without a reactive form: a failed load or save shows its alert above the tree. */
  protected readonly dialog = plainDialog();
  protected readonly loadFailed = signal(false);

  protected readonly views = computed(() => this.groups().map(toGroupView));
  protected readonly totalCount = computed(() =>
    this.groups().reduce((n, g) => n + (g.permissions?.length ?? 0), 0),
  );

  constructor() {
    effect(() => {
      const role = this.role();
      if (role) {
        untracked(() => {
          this.dialog.show();
          this.load(role);
        });
      }
    });
    // Cancel and a save close the dialog: the role is let go, so the same role can be opened again.
    effect(() => {
      if (!this.dialog.open()) {
        untracked(() => this.role.set(null));
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
    this.dialog.save(
      () =>
        this.api.roleUpdatePermissions({
          id: role.id ?? '',
          body: { grantedPermissions: [...this.granted()].sort() },
        }),
      () =>
        this.message.success(this.i18n.t('roles.saved', { name: role.displayName || role.name })),
    );
  }

  close(): void {
    this.dialog.close();
  }

  private load(role: RoleDto): void {
    this.loading.set(true);
    this.loadFailed.set(false);
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
        this.loadFailed.set(true);
        this.dialog.error.set(errorText(this.i18n, e));
      },
    });
  }
}
