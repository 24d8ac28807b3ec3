import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, FormControl, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzMessageService } from 'ng-zorro-antd/message';

import { TenantsTenantDto as TenantDto } from '@api/models';
import { TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { busyActions } from '@shared/busy-actions';
import { errorText } from '@shared/error-text';
import { formDialog } from '@shared/form-modal/form-dialog';
import { cityNameValidator } from '@shared/form-utils';
import { LIST_PAGE_IMPORTS } from '@shared/list-page';
import { pagedListSource } from '@shared/list-source';

@Component({
  selector: 'app-tenant-list',
  imports: [LIST_PAGE_IMPORTS],
  templateUrl: './tenant-list.component.html',
})
export class TenantListComponent implements OnInit {
  private readonly api = inject(TenantService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Tenants;

  /** Keyword box above the table. */
  readonly filter = new FormControl('', { nonNullable: true });
  readonly list = pagedListSource((page) =>
    this.api.tenantGetList({ Filter: this.filter.value.trim() || undefined, ...page }),
  );

  /** Status changes: the busy action is the city's id (that row only is disabled). */
  protected readonly actions = busyActions();

  readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(64), cityNameValidator]],
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
    adminUserName: ['admin', [Validators.required, Validators.maxLength(256)]],
    adminPassword: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(128)]],
  });
  /** A half-filled form survives closing and reopening the dialog; it is reset only after a save. */
  readonly create = formDialog(this.createForm);

  protected readonly renaming = signal<TenantDto | null>(null);
  readonly renameForm = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
  });
  readonly rename = formDialog(this.renameForm);

  ngOnInit(): void {
    this.list.load();
  }

  search(): void {
    this.list.search();
  }

  openCreate(): void {
    this.create.show();
  }

  submitCreate(): void {
    this.create.save(
      (body) =>
        this.api.tenantCreate({
          body: { ...body, name: body.name.trim(), displayName: body.displayName.trim() },
        }),
      (tenant) => {
        const displayName = tenant?.displayName ?? this.createForm.getRawValue().displayName;
        this.createForm.reset();
        this.message.success(this.i18n.t('tenants.created', { name: displayName }));
        this.list.load();
      },
    );
  }

  openRename(tenant: TenantDto): void {
    this.renameForm.reset({ displayName: tenant.displayName ?? '' });
    this.renaming.set(tenant);
    this.rename.show();
  }

  submitRename(): void {
    const tenant = this.renaming();
    if (!tenant) {
      return;
    }
    const displayName = this.renameForm.getRawValue().displayName.trim();
    this.rename.save(
      () =>
        this.api.tenantUpdate({
          id: tenant.id ?? '',
          body: { displayName, concurrencyStamp: tenant.concurrencyStamp ?? '' },
        }),
      () => {
        this.renaming.set(null);
        this.message.success(this.i18n.t('tenants.renamed', { name: displayName }));
        this.list.load();
      },
    );
  }

  setActive(tenant: TenantDto, active: boolean): void {
    const id = tenant.id ?? '';
    const call = active ? this.api.tenantActivate({ id }) : this.api.tenantDeactivate({ id });
    this.actions.run(id, call, () => {
      this.message.success(
        this.i18n.t(active ? 'tenants.activated' : 'tenants.deactivated', {
          name: tenant.displayName,
        }),
      );
      this.list.load();
    });
  }

  /** A provincial user enters a city: later API calls carry `__tenant`. */
  actIn(tenant: TenantDto): void {
    this.session.setActingTenant({ id: tenant.id ?? '', name: tenant.displayName ?? '' });
    this.session.load().subscribe({
      next: () => void this.router.navigate(['/']),
      error: (e: unknown) => {
        this.session.setActingTenant(null);
        this.message.error(errorText(this.i18n, e));
      },
    });
  }
}
