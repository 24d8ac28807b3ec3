import { NgTemplateOutlet } from '@angular/common';
import { Component, TemplateRef, booleanAttribute, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { HonoursHonourAwardDto as AwardDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { beijingText } from '@core/time/beijing-time';

/**
 * Honour awards as a table: name, the years that earned it, when it was awarded and whether it is still held. The
 * province's honour list adds the city (`withCity`), who revoked it (`withRevoker`) and a column of actions (`actions`,
 * a template given the award); a city profile shows the bare table.
 */
@Component({
  selector: 'app-award-table',
  imports: [NgTemplateOutlet, RouterLink, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    <nz-table
      #table
      [nzData]="awards()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      nzSize="small"
      [nzNoResult]="emptyText() | t"
      [attr.data-testid]="testId()"
    >
      <thead>
        <tr>
          @if (withCity()) {
            <th>{{ 'honours.city' | t }}</th>
          }
          <th>{{ 'honours.honour' | t }}</th>
          <th>{{ 'honours.years' | t }}</th>
          <th nzWidth="160px">{{ 'honours.awardedTime' | t }}</th>
          <th>{{ 'honours.state' | t }}</th>
          @if (actions()) {
            <th nzWidth="100px">{{ 'common.actions' | t }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (a of table.data; track a.id) {
          <tr>
            @if (withCity()) {
              <td>
                <a routerLink="/city-profile" [queryParams]="{ city: a.cityId }">{{
                  a.cityName
                }}</a>
              </td>
            }
            <td>{{ a.name }}</td>
            <td>{{ a.yearsText }}</td>
            <td>{{ when(a.awardedTime) }}</td>
            <td>
              @if (a.isActive) {
                <nz-tag nzColor="green">{{ 'honours.held' | t }}</nz-tag>
              } @else if (withRevoker()) {
                <nz-tag>{{ a.revocationKindText }}</nz-tag>
                <span class="muted"
                  >{{ when(a.revokedTime) }} {{ a.revokedByName }}：{{ a.revokeReason }}</span
                >
              } @else {
                <nz-tag>{{ 'honours.revoked' | t }}</nz-tag>
                {{ when(a.revokedTime) }} {{ a.revokeReason }}
              }
            </td>
            @if (actions(); as tpl) {
              <td>
                <ng-container *ngTemplateOutlet="tpl; context: { $implicit: a }" />
              </td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class AwardTableComponent {
  readonly awards = input.required<AwardDto[]>();
  /** Key of the text shown when there is no award. */
  readonly emptyText = input.required<string>();
  readonly testId = input.required<string>();
  readonly withCity = input(false, { transform: booleanAttribute });
  readonly withRevoker = input(false, { transform: booleanAttribute });
  readonly actions = input<TemplateRef<{ $implicit: AwardDto }> | null>(null);

  protected when(value: string | null | undefined): string {
    return beijingText(value);
  }
}
