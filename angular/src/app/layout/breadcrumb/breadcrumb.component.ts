import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Breadcrumbs } from '@shared/breadcrumbs';

/** Above a page reached from a list: the list (back to it with its filters) / the page's name. */
@Component({
  selector: 'app-breadcrumb',
  imports: [NzBreadCrumbModule, RouterLink, TranslatePipe],
  template: `
    @if (crumbs.trail(); as trail) {
      @if (trail.length) {
        <nz-breadcrumb class="app-breadcrumb" data-testid="breadcrumb">
          @for (crumb of trail; track $index) {
            <nz-breadcrumb-item>
              @if (crumb.link) {
                <a [routerLink]="crumb.link" [queryParams]="crumb.queryParams">{{
                  crumb.translate ? (crumb.text | t) : crumb.text
                }}</a>
              } @else {
                <span aria-current="page">{{
                  crumb.translate ? (crumb.text | t) : crumb.text
                }}</span>
              }
            </nz-breadcrumb-item>
          }
        </nz-breadcrumb>
      }
    }
  `,
  styles: `
    .app-breadcrumb {
      margin-bottom: 12px;
    }
  `,
})
export class BreadcrumbComponent {
  protected readonly crumbs = inject(Breadcrumbs);
}
