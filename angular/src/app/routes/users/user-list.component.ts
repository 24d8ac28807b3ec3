import { Component, OnInit, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  FormControl,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { IdentityRoleDto as RoleDto, IdentityUserDto as UserDto } from '@api/models';
import { RoleService, UserService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { formDialog } from '@shared/form-modal/form-dialog';
import { LIST_PAGE_IMPORTS } from '@shared/list-page';
import { pagedListSource } from '@shared/list-source';

/** A mainland mobile (+86 allowed) or a landline with its area code; spaces are ignored, as on the host. */
const PHONE = /^(?:(?:\+86)?1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(?:-[0-9]{1,6})?)$/;

export function phoneValidator(control: AbstractControl): ValidationErrors | null {
  const value = String(control.value ?? '').replace(/\s/g, '');
  return !value || PHONE.test(value) ? null : { phone: true };
}

@Component({
  selector: 'app-user-list',
  imports: [LIST_PAGE_IMPORTS, NzSelectModule],
  templateUrl: './user-list.component.html',
})
export class UserListComponent implements OnInit {
  private readonly api = inject(UserService);
  private readonly rolesApi = inject(RoleService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Users;

  protected readonly roles = signal<RoleDto[]>([]);
  /** Keyword box above the table. */
  readonly filter = new FormControl('', { nonNullable: true });
  readonly list = pagedListSource((page) =>
    this.api.userGetList({ Filter: this.filter.value.trim() || undefined, ...page }),
  );
  protected readonly now = Date.now();

  /** What the dialog edits: 'new' = a new user, else that user. */
  protected readonly editing = signal<UserDto | 'new' | null>(null);
  private lastOpened: 'new' | 'edit' | null = null;

  readonly form = inject(FormBuilder).nonNullable.group({
    userName: ['', [Validators.required, Validators.maxLength(256)]],
    name: ['', [Validators.maxLength(64)]],
    email: ['', [Validators.email, Validators.maxLength(256)]],
    phoneNumber: ['', [Validators.maxLength(32), phoneValidator]],
    password: ['', [Validators.minLength(6), Validators.maxLength(128)]],
    roleNames: [[] as string[]],
  });
  readonly dialog = formDialog(this.form);

  /** The role picker lists the roles, which needs the role permission too. */
  protected readonly canListRoles = this.session.isGranted(Permissions.Roles.Default);

  ngOnInit(): void {
    this.list.load();
    if (!this.canListRoles) {
      return;
    }
    this.rolesApi.roleGetList().subscribe({
      next: (result) => this.roles.set(result.items ?? []),
      error: () => this.roles.set([]),
    });
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
      this.form.reset({
        userName: '',
        name: '',
        email: '',
        phoneNumber: '',
        password: '',
        roleNames: [],
      });
    }
    this.setPasswordRequired(true);
    this.lastOpened = 'new';
    this.editing.set('new');
    this.dialog.show();
  }

  openEdit(user: UserDto): void {
    this.form.reset({
      userName: user.userName ?? '',
      name: user.name ?? '',
      email: user.email ?? '',
      phoneNumber: user.phoneNumber ?? '',
      password: '',
      roleNames: [...(user.roleNames ?? [])],
    });
    this.setPasswordRequired(false);
    this.lastOpened = 'edit';
    this.editing.set(user);
    this.dialog.show();
  }

  submit(): void {
    const target = this.editing();
    if (!target) {
      return;
    }
    this.dialog.save(
      (value) => {
        const common = {
          userName: value.userName.trim(),
          name: value.name.trim() || null,
          email: value.email.trim() || null,
          phoneNumber: value.phoneNumber.trim() || null,
          roleNames: value.roleNames,
        };
        return target === 'new'
          ? this.api.userCreate({ body: { ...common, password: value.password } })
          : this.api.userUpdate({
              id: target.id ?? '',
              body: {
                ...common,
                password: value.password || null,
                concurrencyStamp: target.concurrencyStamp ?? '',
              },
            });
      },
      () => {
        this.editing.set(null);
        this.lastOpened = null;
        this.form.reset();
        this.message.success(this.i18n.t(target === 'new' ? 'common.created' : 'common.saved'));
        this.list.load();
      },
    );
  }

  remove(user: UserDto): void {
    this.api.userDelete({ id: user.id ?? '' }).subscribe({
      next: () => {
        this.message.success(this.i18n.t('common.deleted'));
        this.list.reloadAfterRemove();
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
