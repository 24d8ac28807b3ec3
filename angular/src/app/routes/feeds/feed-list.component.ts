import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';

import {
  AccountTenantLookupDto as TenantLookupDto,
  FeedsFeedClientDto as FeedClientDto,
  FeedsFeedImportDto as FeedImportDto,
} from '@api/models';
import { AccountService, FeedClientsService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { formDialog } from '@shared/form-modal/form-dialog';
import { LIST_PAGE_IMPORTS } from '@shared/list-page';

/**
 * 数据接口: the clients that write values for departments. The province registers them for any
 * cities, a city for itself; the secret is shown once, with a copy button; a client is revoked
 * with a reason; each client's imports are listed with their counts.
 */
@Component({
  selector: 'app-feed-list',
  imports: [LIST_PAGE_IMPORTS, NzCheckboxModule, NzModalModule, NzSelectModule],
  templateUrl: './feed-list.component.html',
})
export class FeedListComponent implements OnInit {
  private readonly api = inject(FeedClientsService);
  private readonly account = inject(AccountService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);

  protected readonly clients = signal<FeedClientDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly cities = signal<TenantLookupDto[]>([]);
  /** The new client's secret, shown once. */
  protected readonly secret = signal<{ id: string; secret: string } | null>(null);
  protected readonly history = signal<{ client: FeedClientDto; imports: FeedImportDto[] } | null>(
    null,
  );

  readonly createForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(64)]],
    department: ['', [Validators.required, Validators.maxLength(64)]],
    cityIds: [[] as string[]],
    allIndicators: [false],
    indicatorCodes: [[] as string[]],
  });
  readonly create = formDialog(this.createForm);

  protected readonly revoking = signal<FeedClientDto | null>(null);
  readonly revokeForm = this.fb.group({
    reason: ['', [Validators.required, Validators.maxLength(500)]],
  });
  readonly revoke = formDialog(this.revokeForm);

  /** A city registers clients for itself only: no city picker. */
  protected get forProvince(): boolean {
    return !this.session.currentTenant()?.id;
  }

  ngOnInit(): void {
    this.load();
    if (this.forProvince) {
      this.account.accountGetTenants().subscribe({ next: (list) => this.cities.set(list ?? []) });
    }
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.feedClientsGetList().subscribe({
      next: (list) => {
        this.clients.set(list ?? []);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loadError.set(errorText(this.i18n, e));
        this.loading.set(false);
      },
    });
  }

  openCreate(): void {
    this.create.show();
  }

  submitCreate(): void {
    this.create.save(
      (body) =>
        this.api.feedClientsCreate({
          body: {
            ...body,
            name: body.name.trim(),
            department: body.department.trim(),
            indicatorCodes: body.allIndicators ? [] : body.indicatorCodes.map((c) => c.trim()),
          },
        }),
      (created) => {
        this.createForm.reset();
        this.secret.set({ id: created.client?.id ?? '', secret: created.clientSecret ?? '' });
        this.load();
      },
    );
  }

  copySecret(): void {
    const shown = this.secret();
    if (!shown) {
      return;
    }
    void navigator.clipboard
      ?.writeText(shown.secret)
      .then(() => this.message.success(this.i18n.t('feeds.copied')));
  }

  openRevoke(client: FeedClientDto): void {
    this.revokeForm.reset();
    this.revoking.set(client);
    this.revoke.show();
  }

  submitRevoke(): void {
    const client = this.revoking();
    if (!client) {
      return;
    }
    this.revoke.save(
      (body) => this.api.feedClientsRevoke({ id: client.id ?? '', body }),
      () => {
        this.message.success(this.i18n.t('feeds.revoked', { name: client.name }));
        this.load();
      },
    );
  }

  openHistory(client: FeedClientDto): void {
    this.api.feedClientsGetImports({ id: client.id ?? '' }).subscribe({
      next: (imports) => this.history.set({ client, imports: imports ?? [] }),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }
}
