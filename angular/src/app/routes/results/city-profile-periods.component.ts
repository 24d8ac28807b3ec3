import { DecimalPipe } from '@angular/common';
import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { HonoursCityProfilePeriodDto as PeriodDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { beijingText } from '@core/time/beijing-time';

/** The tag colour of a grade or colour band by its key in the scheme. */
export function bandColour(key: string | null | undefined): string {
  switch (key) {
    case 'excellent':
    case 'green':
      return 'green';
    case 'good':
    case 'blue':
      return 'blue';
    case 'pass':
    case 'yellow':
    case 'orange':
      return 'orange';
    case 'fail':
    case 'red':
      return 'red';
    default:
      return 'default';
  }
}

/** A city's published periods on its profile: total, grade, rank and colour, each linking to its score sheet. */
@Component({
  selector: 'app-city-profile-periods',
  imports: [DecimalPipe, RouterLink, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    <nz-table
      #periods
      [nzData]="rows()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      nzSize="small"
      [nzNoResult]="'cityProfile.noResults' | t"
      data-testid="profile-periods"
    >
      <thead>
        <tr>
          <th>{{ 'cityProfile.period' | t }}</th>
          <th nzWidth="90px">{{ 'cityProfile.kind' | t }}</th>
          <th nzWidth="100px">{{ 'cityProfile.total' | t }}</th>
          <th nzWidth="90px">{{ 'cityProfile.grade' | t }}</th>
          <th nzWidth="70px">{{ 'cityProfile.rank' | t }}</th>
          <th nzWidth="80px">{{ 'cityProfile.colour' | t }}</th>
          <th nzWidth="160px">{{ 'cityProfile.published' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of periods.data; track r.periodId) {
          <tr>
            <td>
              <a routerLink="/score-sheet" [queryParams]="{ period: r.periodId, city: cityId() }">{{
                r.periodName
              }}</a>
              @if (r.vetoed) {
                <nz-tag nzColor="red">{{ 'cityProfile.vetoed' | t }}</nz-tag>
              }
            </td>
            <td>{{ r.kindText }}</td>
            @if (r.notAssessed) {
              <td colspan="4">{{ 'cityProfile.notAssessed' | t }}</td>
            } @else {
              <td>{{ r.total | number: '1.2-2' }}</td>
              <td>
                <nz-tag [nzColor]="colour(r.gradeKey)">{{ r.grade ?? '-' }}</nz-tag>
              </td>
              <td>{{ r.rank ?? '-' }}</td>
              <td>
                @if (r.colour) {
                  <nz-tag [nzColor]="colour(r.colourKey)">{{ r.colour }}</nz-tag>
                }
              </td>
            }
            <td>{{ when(r.publishedTime) }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class CityProfilePeriodsComponent {
  readonly rows = input.required<PeriodDto[]>();
  readonly cityId = input<string | undefined>();

  protected colour(key: string | null | undefined): string {
    return bandColour(key);
  }

  protected when(value: string | null | undefined): string {
    return beijingText(value);
  }
}
