import { DatePipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormatEmitEvent } from 'ng-zorro-antd/core/tree';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTreeModule } from 'ng-zorro-antd/tree';

import {
  IdentityUserDto as UserDto,
  OrganizationUnitsOrganizationUnitDto as UnitDto,
  OrganizationUnitsOrganizationUnitKind as UnitKind,
  OrganizationUnitsUnitMemberDto as MemberDto,
} from '@api/models';
import { OrganizationUnitService, UserService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { busyActions } from '@shared/busy-actions';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { formDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { setEnabled } from '@shared/form-utils';
import { UnitAssignmentsComponent } from './unit-assignments.component';
import { UNIT_KINDS, findUnit, flatten, toNodes, unitOptions, withoutSubtree } from './unit-tree';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';

/** Sentinel of the "top level" choice in parent pickers (nz-select cannot hold null well). */
const TOP = '__top__';

@Component({
  selector: 'app-unit-tree',
  imports: [
    DisabledReasonComponent,
    DatePipe,
    FormsModule,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    FormModalComponent,
    NzPopconfirmModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTreeModule,
    TranslatePipe,
    FieldErrorPipe,
    UnitAssignmentsComponent,
  ],
  templateUrl: './unit-tree.component.html',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) minmax(0, 2fr);
      gap: 16px;
    }
    .header-actions,
    .toolbar {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .toolbar {
      margin: 12px 0;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class UnitTreeComponent implements OnInit {
  private readonly api = inject(OrganizationUnitService);
  private readonly userApi = inject(UserService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly kinds = UNIT_KINDS;
  protected readonly top = TOP;

  readonly canManage = computed(() => this.session.isGranted(Permissions.OrganizationUnits.Manage));
  readonly canAssign = computed(() => this.session.isGranted(Permissions.Agreements.Assign));
  /** Adding a member picks from the city's users, which needs the user list permission too. */
  readonly canAddMembers = computed(
    () => this.canManage() && this.session.isGranted(Permissions.Users.Default),
  );

  readonly units = signal<UnitDto[]>([]);
  readonly includeClosed = signal(false);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => findUnit(this.units(), this.selectedId()));
  protected readonly nodes = computed(() => toNodes(this.units(), this.i18n.t('units.closed')));
  readonly members = signal<MemberDto[]>([]);
  readonly users = signal<UserDto[]>([]);
  readonly addUserId = signal<string | null>(null);
  /** Users not yet in the selected unit. */
  protected readonly candidates = computed(() =>
    this.users().filter((u) => !this.members().some((m) => m.userId === u.id)),
  );
  private readonly actions = busyActions();
  readonly busy = this.actions.busy;

  readonly form = this.fb.group({
    code: this.fb.nonNullable.control('', [Validators.required, Validators.maxLength(32)]),
    name: this.fb.nonNullable.control('', [Validators.required, Validators.maxLength(128)]),
    kind: this.fb.nonNullable.control<UnitKind>(3),
    parentId: this.fb.nonNullable.control<string>(TOP),
  });
  /** The create, rename or move dialog (the shared form modal); only the kind's fields are enabled. */
  readonly editor = formDialog(this.form);
  private readonly editing = signal<'create' | 'rename' | 'move'>('create');
  /** Which dialog is open, if any. */
  readonly dialog = computed(() => (this.editor.open() ? this.editing() : null));
  readonly dialogError = this.editor.error;
  /** Parents offered when moving: every open unit but the moved one and its subtree. */
  protected readonly parentOptions = computed(() => {
    const moving = this.dialog() === 'move' ? this.selectedId() : null;
    const tree = moving ? withoutSubtree(this.units(), moving) : this.units();
    return unitOptions(tree).filter((o) => !o.closed);
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.organizationUnitGetTree({ includeClosed: this.includeClosed() }).subscribe({
      next: (tree) => {
        this.loading.set(false);
        this.units.set(tree ?? []);
        if (this.selectedId() && !this.selected()) {
          this.select(null);
        }
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  toggleClosed(value: boolean): void {
    this.includeClosed.set(value);
    this.load();
  }

  onClick(event: NzFormatEmitEvent): void {
    this.select(event.node?.key ?? null);
  }

  select(id: string | null): void {
    this.selectedId.set(id);
    this.members.set([]);
    this.addUserId.set(null);
    if (!id) {
      return;
    }
    this.api.organizationUnitGetMembers({ id }).subscribe({
      next: (list) => this.members.set(list ?? []),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
    // Asked again for every unit picked: users created since (or a unit just created) find a current list.
    if (this.canAddMembers()) {
      this.userApi.userGetList({ SkipCount: 0, MaxResultCount: 1000 }).subscribe({
        next: (result) => this.users.set(result.items ?? []),
        error: () => this.users.set([]),
      });
    }
  }

  openDialog(kind: 'create' | 'rename' | 'move', asChild = false): void {
    const unit = this.selected();
    this.form.reset({
      code: '',
      name: kind === 'rename' ? (unit?.name ?? '') : '',
      kind: 3,
      parentId: kind === 'create' ? (asChild && unit?.id ? unit.id : TOP) : (unit?.parentId ?? TOP),
    });
    setEnabled(this.form, {
      code: kind === 'create',
      name: kind !== 'move',
      kind: kind === 'create',
      parentId: kind !== 'rename',
    });
    this.editing.set(kind);
    this.editor.show();
  }

  /** Saves the open dialog; on an error keeps the dialog and what was typed. */
  submit(): void {
    const kind = this.editing();
    const unit = this.selected();
    if (kind !== 'create' && !unit?.id) {
      return;
    }
    this.editor.save(
      (value) => {
        const parentId = value.parentId === TOP ? null : value.parentId;
        if (kind === 'create') {
          return this.api.organizationUnitCreate({
            body: { code: value.code.trim(), name: value.name.trim(), kind: value.kind, parentId },
          });
        }
        return kind === 'rename'
          ? this.api.organizationUnitRename({ id: unit!.id!, body: { name: value.name.trim() } })
          : this.api.organizationUnitMove({ id: unit!.id!, body: { parentId } });
      },
      (saved: UnitDto) => {
        this.message.success(this.i18n.t('units.done.' + kind, { name: saved.name }));
        this.load();
        if (kind === 'create' && saved.id) {
          // The new unit is picked with its members and 人员 picker, ready to add people to it.
          this.select(saved.id);
        }
      },
    );
  }

  close(): void {
    const unit = this.selected();
    if (!unit?.id) {
      return;
    }
    this.actions.run('close', this.api.organizationUnitClose({ id: unit.id }), () => {
      this.message.success(this.i18n.t('units.done.close', { name: unit.name }));
      this.load();
    });
  }

  addMember(): void {
    const id = this.selectedId();
    const userId = this.addUserId();
    if (!id || !userId) {
      return;
    }
    this.actions.run('member', this.api.organizationUnitAddMember({ id, userId }), () => {
      this.addUserId.set(null);
      this.select(id);
      this.load();
    });
  }

  removeMember(member: MemberDto): void {
    const id = this.selectedId();
    if (!id || !member.userId) {
      return;
    }
    this.actions.run(
      'member',
      this.api.organizationUnitRemoveMember({ id, userId: member.userId }),
      () => {
        this.select(id);
        this.load();
      },
    );
  }

  unitCount(): number {
    return flatten(this.units()).length;
  }
}
