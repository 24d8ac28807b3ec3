import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { IdentityRoleDto as RoleDto, IdentityUserDto as UserDto } from '@api/models';
import { RoleService, UserService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { revealErrors } from '@shared/form-utils';
import { PagedState } from '@shared/paged-list';
import { SearchToolbarComponent } from '@shared/search-toolbar.component';

@Component({
  selector: 'app-user-list',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTagModule,
    NzModalModule,
    NzFormModule,
    NzPopconfirmModule,
    NzDividerModule,
    NzAlertModule,
    TranslatePipe,
    FieldErrorPipe,
    SearchToolbarComponent,
  ],
  templateUrl: './user-list.component.html',
})
export class UserListComponent implements OnInit {
  private readonly api = inject(UserService);
  private readonly rolesApi = inject(RoleService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Users;

  protected readonly items = signal<UserDto[]>([]);
  protected readonly roles = signal<RoleDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly paging = new PagedState();
  /** Keyword box above the table. */
  readonly filter = new FormControl('', { nonNullable: true });
  protected readonly now = Date.now();

  /** null = dialog closed; 'new' = creating; a user = editing that user. */
  protected readonly editing = signal<UserDto | 'new' | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  private lastOpened: 'new' | 'edit' | null = null;

  readonly form = inject(FormBuilder).nonNullable.group({
    userName: ['', [Validators.required, Validators.maxLength(256)]],
    name: ['', [Validators.maxLength(64)]],
    email: ['', [Validators.email, Validators.maxLength(256)]],
    password: ['', [Validators.minLength(6), Validators.maxLength(128)]],
    roleNames: [[] as string[]],
  });

  /** The role picker lists the roles, which needs the role permission too. */
  protected readonly canListRoles = this.session.isGranted(Permissions.Roles.Default);

  ngOnInit(): void {
    this.load();
    if (!this.canListRoles) {
      return;
    }
    this.rolesApi.roleGetList().subscribe({
      next: (result) => this.roles.set(result.items ?? []),
      error: () => this.roles.set([]),
    });
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .userGetList({
        Filter: this.filter.value.trim() || undefined,
        SkipCount: this.paging.skipCount,
        MaxResultCount: this.paging.maxResultCount,
      })
      .subscribe({
        next: (result) => {
          this.items.set(result.items ?? []);
          this.paging.total.set(result.totalCount ?? 0);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.loadError.set(errorText(this.i18n, e));
        },
      });
  }

  search(): void {
    this.paging.pageIndex.set(1);
    this.load();
  }

  onPageIndex(index: number): void {
    this.paging.pageIndex.set(index);
    this.load();
  }

  onPageSize(size: number): void {
    this.paging.pageSize.set(size);
    this.paging.pageIndex.set(1);
    this.load();
  }

  roleLabel(name: string): string {
    return this.roles().find((r) => r.name === name)?.displayName || name;
  }

  isLocked(user: UserDto): boolean {
    return !!user.lockoutEnd && new Date(user.lockoutEnd).getTime() > this.now;
  }

  openCreate(): void {
    // A cancelled "new user" dialog keeps what was typed; anything else starts empty.
    if (this.lastOpened !== 'new') {
      this.form.reset({ userName: '', name: '', email: '', password: '', roleNames: [] });
    }
    this.setPasswordRequired(true);
    this.formError.set(null);
    this.lastOpened = 'new';
    this.editing.set('new');
  }

  openEdit(user: UserDto): void {
    this.form.reset({
      userName: user.userName ?? '',
      name: user.name ?? '',
      email: user.email ?? '',
      password: '',
      roleNames: [...(user.roleNames ?? [])],
    });
    this.setPasswordRequired(false);
    this.formError.set(null);
    this.lastOpened = 'edit';
    this.editing.set(user);
  }

  submit(): void {
    const target = this.editing();
    if (!target) {
      return;
    }
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    const common = {
      userName: value.userName.trim(),
      name: value.name.trim() || null,
      email: value.email.trim() || null,
      roleNames: value.roleNames,
    };
    this.saving.set(true);
    this.formError.set(null);
    const call =
      target === 'new'
        ? this.api.userCreate({ body: { ...common, password: value.password } })
        : this.api.userUpdate({
            id: target.id ?? '',
            body: {
              ...common,
              password: value.password || null,
              concurrencyStamp: target.concurrencyStamp ?? '',
            },
          });
    call.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(null);
        this.lastOpened = null;
        this.form.reset();
        this.message.success(this.i18n.t(target === 'new' ? 'common.created' : 'common.saved'));
        this.load();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.formError.set(formErrorText(this.i18n, this.form, e));
      },
    });
  }

  remove(user: UserDto): void {
    this.api.userDelete({ id: user.id ?? '' }).subscribe({
      next: () => {
        this.message.success(this.i18n.t('common.deleted'));
        if (this.items().length === 1 && this.paging.pageIndex() > 1) {
          this.paging.pageIndex.update((i) => i - 1);
        }
        this.load();
      },
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }

  protected get dialogTitle(): string {
    return this.i18n.t(this.editing() === 'new' ? 'users.createTitle' : 'users.editTitle');
  }

  private setPasswordRequired(required: boolean): void {
    const control = this.form.controls.password;
    control.setValidators(
      required
        ? [Validators.required, Validators.minLength(6), Validators.maxLength(128)]
        : [Validators.minLength(6), Validators.maxLength(128)],
    );
    control.updateValueAndValidity();
  }
}
