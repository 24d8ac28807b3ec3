import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import {
  FormBuilder,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TenantsTenantDto as TenantDto } from '@api/models';
import { TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { cityNameValidator, revealErrors } from '@shared/form-utils';
import { PagedState } from '@shared/paged-list';
import { SearchToolbarComponent } from '@shared/search-toolbar.component';

@Component({
  selector: 'app-tenant-list',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
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

  protected readonly items = signal<TenantDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly paging = new PagedState();
  /** Keyword box above the table. */
  readonly filter = new FormControl('', { nonNullable: true });

  /** Id of the row whose status is being changed (spinner on that row only). */
  protected readonly busyId = signal<string | null>(null);

  // create dialog
  protected readonly createOpen = signal(false);
  protected readonly createSaving = signal(false);
  protected readonly createError = signal<string | null>(null);
  readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(64), cityNameValidator]],
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
    adminUserName: ['admin', [Validators.required, Validators.maxLength(256)]],
    adminPassword: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(128)]],
  });

  // rename dialog
  protected readonly renaming = signal<TenantDto | null>(null);
  protected readonly renameSaving = signal(false);
  protected readonly renameError = signal<string | null>(null);
  readonly renameForm = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
  });

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .tenantGetList({
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
          this.loadError.set(this.errorText(e));
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

  openCreate(): void {
    // A half-filled form survives closing and reopening the dialog; it is reset only after a save.
    this.createError.set(null);
    this.createOpen.set(true);
  }

  submitCreate(): void {
    if (this.createForm.invalid) {
      revealErrors(this.createForm);
      return;
    }
    const body = this.createForm.getRawValue();
    this.createSaving.set(true);
    this.createError.set(null);
    this.api
      .tenantCreate({
        body: { ...body, name: body.name.trim(), displayName: body.displayName.trim() },
      })
      .subscribe({
        next: (tenant) => {
          this.createSaving.set(false);
          this.createOpen.set(false);
          this.createForm.reset();
          this.message.success(
            this.i18n.t('tenants.created', { name: tenant?.displayName ?? body.displayName }),
          );
          this.load();
        },
        error: (e: unknown) => {
          this.createSaving.set(false);
          this.createError.set(this.formErrorText(this.createForm, e));
        },
      });
  }

  openRename(tenant: TenantDto): void {
    this.renameError.set(null);
    this.renameForm.reset({ displayName: tenant.displayName ?? '' });
    this.renaming.set(tenant);
  }

  submitRename(): void {
    const tenant = this.renaming();
    if (!tenant) {
      return;
    }
    if (this.renameForm.invalid) {
      revealErrors(this.renameForm);
      return;
    }
    const displayName = this.renameForm.getRawValue().displayName.trim();
    this.renameSaving.set(true);
    this.renameError.set(null);
    this.api
      .tenantUpdate({
        id: tenant.id ?? '',
        body: { displayName, concurrencyStamp: tenant.concurrencyStamp ?? '' },
      })
      .subscribe({
        next: () => {
          this.renameSaving.set(false);
          this.renaming.set(null);
          this.message.success(this.i18n.t('tenants.renamed', { name: displayName }));
          this.load();
        },
        error: (e: unknown) => {
          this.renameSaving.set(false);
          this.renameError.set(this.formErrorText(this.renameForm, e));
        },
      });
  }

  setActive(tenant: TenantDto, active: boolean): void {
    const id = tenant.id ?? '';
    this.busyId.set(id);
    const call = active ? this.api.tenantActivate({ id }) : this.api.tenantDeactivate({ id });
    call.subscribe({
      next: () => {
        this.busyId.set(null);
        this.message.success(
          this.i18n.t(active ? 'tenants.activated' : 'tenants.deactivated', {
            name: tenant.displayName,
          }),
        );
        this.load();
      },
      error: (e: unknown) => {
        this.busyId.set(null);
        this.message.error(this.errorText(e));
      },
    });
  }

  /** A provincial user enters a city: later API calls carry `__tenant`. */
  actIn(tenant: TenantDto): void {
    this.session.setActingTenant({ id: tenant.id ?? '', name: tenant.displayName ?? '' });
    this.session.load().subscribe({
      next: () => void this.router.navigate(['/']),
      error: (e: unknown) => {
        this.session.setActingTenant(null);
        this.message.error(this.errorText(e));
      },
    });
  }

  private errorText(e: unknown): string {
    return errorText(this.i18n, e);
  }

  private formErrorText(form: FormGroup, e: unknown): string | null {
    return formErrorText(this.i18n, form, e);
  }
}
