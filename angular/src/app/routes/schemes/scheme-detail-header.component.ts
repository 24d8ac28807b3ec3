import { DatePipe } from '@angular/common';
import { Component, inject, input, output } from '@angular/core';
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
          @if (s.status === 'Draft' && session.isGranted(P.Manage)) {
            <button
              nz-button
              nzDanger
              nz-popconfirm
              nzPopconfirmPlacement="bottomRight"
              [nzPopconfirmTitle]="'schemes.deleteConfirm' | t"
              (nzOnConfirm)="remove.emit()"
              [nzLoading]="busy() === 'delete'"
              data-testid="scheme-delete"
            >
              <nz-icon nzType="delete" /> {{ 'schemes.deleteDraft' | t }}
            </button>
          }
          @if (s.status === 'Published' && session.isGranted(P.Publish)) {
            <button
              nz-button
              nz-popconfirm
              nzPopconfirmPlacement="bottomRight"
              [nzPopconfirmTitle]="'schemes.archiveConfirm' | t"
              (nzOnConfirm)="archive.emit()"
              [nzLoading]="busy() === 'archive'"
              data-testid="scheme-archive"
            >
              <nz-icon nzType="inbox" /> {{ 'schemes.archive' | t }}
            </button>
          }
          @if (s.status === 'Draft' && session.isGranted(P.Publish)) {
            <button
              nz-button
              nzType="primary"
              nz-popconfirm
              nzPopconfirmPlacement="bottomRight"
              [nzPopconfirmTitle]="'schemes.publishConfirm' | t"
              (nzOnConfirm)="publish.emit()"
              [nzLoading]="busy() === 'publish'"
              data-testid="scheme-publish"
            >
              <nz-icon nzType="send" /> {{ 'schemes.publish' | t }}
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
}
