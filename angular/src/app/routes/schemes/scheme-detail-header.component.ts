import { DatePipe } from '@angular/common';
import { Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { SchemeFileFormat } from './scheme-files';
import { statusColour } from './scheme-list.component';

/**
 * The heading of a scheme's page: name, status, year, version and scale, and the buttons its status and the user's
 * permissions allow (export, copy, delete a draft, archive, publish). The page does the work; `busy` names the
 * action in progress.
 */
@Component({
  selector: 'app-scheme-detail-header',
  imports: [
    DatePipe,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <div class="page-header">
      <div>
        <a routerLink="/schemes" class="back"
          ><nz-icon nzType="arrow-left" /> {{ 'schemes.back' | t }}</a
        >
        @if (scheme(); as s) {
          <h1 data-testid="scheme-name">{{ s.name }}</h1>
          <div class="subtitle">
            <nz-tag [nzColor]="statusColour(s.status)" data-testid="scheme-status">{{
              'schemes.statuses.' + s.status | t
            }}</nz-tag>
            <span>{{ 'schemes.year' | t }} {{ s.year }}</span>
            <span>v{{ s.version }}</span>
            <span>{{ 'schemes.scaleValue' | t: { scale: s.scale } }}</span>
            <span>{{ 'schemes.indicatorCount' | t }} {{ s.indicatorCount }}</span>
            @if (s.publishedTime) {
              <span
                >{{ 'schemes.publishedTime' | t }}
                {{ s.publishedTime | date: 'yyyy-MM-dd HH:mm' }}</span
              >
            }
          </div>
        }
      </div>
      @if (scheme(); as s) {
        <div class="header-actions">
          <button
            nz-button
            (click)="exportFile.emit('json')"
            [nzLoading]="busy() === 'export'"
            data-testid="scheme-export"
          >
            <nz-icon nzType="download" /> {{ 'schemes.exportJson' | t }}
          </button>
          <button
            nz-button
            (click)="exportFile.emit('excel')"
            [nzLoading]="busy() === 'exportExcel'"
            data-testid="scheme-export-xlsx"
          >
            <nz-icon nzType="download" /> {{ 'schemes.exportExcel' | t }}
          </button>
          @if (session.isGranted(P.Manage)) {
            <button
              nz-button
              (click)="copyDraft.emit()"
              [nzLoading]="busy() === 'copy'"
              data-testid="scheme-copy"
            >
              <nz-icon nzType="copy" /> {{ 'schemes.copy' | t }}
            </button>
          }
          @for (c of confirmed(); track c.action) {
            <button
              nz-button
              [nzType]="c.action === 'publish' ? 'primary' : 'default'"
              [nzDanger]="c.action === 'delete'"
              nz-popconfirm
              nzPopconfirmPlacement="bottomRight"
              [nzPopconfirmTitle]="c.confirm | t"
              (nzOnConfirm)="c.run()"
              [nzLoading]="busy() === c.action"
              [attr.data-testid]="'scheme-' + c.action"
            >
              <nz-icon [nzType]="c.icon" /> {{ c.label | t }}
            </button>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .back {
      display: inline-block;
      margin-bottom: 4px;
    }
    .subtitle {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .header-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class SchemeDetailHeaderComponent {
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Schemes;
  protected readonly statusColour = statusColour;

  readonly scheme = input.required<SchemeDto | null>();
  readonly busy = input<string | null>(null);
  readonly exportFile = output<SchemeFileFormat>();
  readonly copyDraft = output();
  readonly remove = output();
  readonly archive = output();
  readonly publish = output();

  /** The confirmed steps the scheme's status and the user's permissions allow, in the order of the header. */
  protected readonly confirmed = computed(() => {
    const status = this.scheme()?.status;
    const steps = [
      {
        action: 'delete',
        allowed: status === 'Draft' && this.session.isGranted(this.P.Manage),
        icon: 'delete',
        confirm: 'schemes.deleteConfirm',
        label: 'schemes.deleteDraft',
        run: () => this.remove.emit(),
      },
      {
        action: 'archive',
        allowed: status === 'Published' && this.session.isGranted(this.P.Publish),
        icon: 'inbox',
        confirm: 'schemes.archiveConfirm',
        label: 'schemes.archive',
        run: () => this.archive.emit(),
      },
      {
        action: 'publish',
        allowed: status === 'Draft' && this.session.isGranted(this.P.Publish),
        icon: 'send',
        confirm: 'schemes.publishConfirm',
        label: 'schemes.publish',
        run: () => this.publish.emit(),
      },
    ];
    return steps.filter((step) => step.allowed);
  });
}
