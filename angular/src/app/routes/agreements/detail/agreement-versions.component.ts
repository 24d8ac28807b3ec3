import { DatePipe } from '@angular/common';
import { Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementDiffDto as DiffDto,
  AgreementsAgreementDto as AgreementDto,
  AgreementsAgreementVersionDto as VersionDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { agreementStatusColour } from '../agreement-status';
import { AgreementDiffComponent } from './agreement-diff.component';

/** The versions of an agreement; another version can be opened or compared with this one. */
@Component({
  selector: 'app-agreement-versions',
  imports: [
    DatePipe,
    RouterLink,
    NzAlertModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    AgreementDiffComponent,
  ],
  template: `
    <nz-table
      #versionTable
      [nzData]="versions()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      nzSize="small"
      data-testid="agreement-versions"
    >
      <thead>
        <tr>
          <th nzWidth="80px">{{ 'agreements.version' | t }}</th>
          <th nzWidth="130px">{{ 'agreements.status' | t }}</th>
          <th>{{ 'agreements.createdAt' | t }}</th>
          <th>{{ 'agreements.signedTime' | t }}</th>
          <th>{{ 'agreements.inForceTime' | t }}</th>
          <th nzWidth="130px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (v of versionTable.data; track v.id) {
          <tr [class.current]="v.id === agreement().id">
            <td>
              @if (v.id === agreement().id) {
                <b>v{{ v.version }}</b>
              } @else {
                <a [routerLink]="['/agreements', v.id]">v{{ v.version }}</a>
              }
            </td>
            <td>
              <nz-tag [nzColor]="statusColour(v.status)">{{
                'agreements.statuses.' + v.status | t
              }}</nz-tag>
            </td>
            <td>{{ v.creationTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ v.signedTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ v.inForceTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              @if (v.id !== agreement().id) {
                <a
                  (click)="compare(v.id ?? null)"
                  role="button"
                  tabindex="0"
                  [attr.data-testid]="'compare-v' + v.version"
                  >{{ 'agreements.compare' | t }}</a
                >
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    @if (diffError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="diffError()!" />
    }
    @if (diff(); as d) {
      <app-agreement-diff [diff]="d" />
    }
  `,
})
export class AgreementVersionsComponent {
  private readonly api = inject(AgreementService);
  private readonly i18n = inject(I18nService);
  protected readonly statusColour = agreementStatusColour;

  /** The version shown on the page. */
  readonly agreement = input.required<AgreementDto>();
  readonly versions = input.required<VersionDto[]>();
  readonly diff = signal<DiffDto | null>(null);
  readonly diffError = signal<string | null>(null);

  constructor() {
    // a reloaded page (another version, a new status) starts without a comparison
    effect(() => {
      this.agreement();
      this.diff.set(null);
      this.diffError.set(null);
    });
  }

  /** Compares this version with another of the same agreement (older one first). */
  compare(otherId: string | null): void {
    this.diff.set(null);
    this.diffError.set(null);
    const a = this.agreement();
    const other = this.versions().find((v) => v.id === otherId);
    if (!a.id || !otherId || !other) {
      return;
    }
    const [from, to] = (other.version ?? 0) < (a.version ?? 0) ? [otherId, a.id] : [a.id, otherId];
    this.api.agreementGetDiff({ id: from, otherId: to }).subscribe({
      next: (diff) => this.diff.set(diff),
      error: (e: unknown) => this.diffError.set(errorText(this.i18n, e)),
    });
  }
}
