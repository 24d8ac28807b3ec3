import { Component, inject } from '@angular/core';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { I18nService, Lang, LANGS } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';

/** 中文 / English switch used on the sign-in page and in the header. */
@Component({
  selector: 'app-lang-switch',
  imports: [NzDropDownModule, NzIconModule, TranslatePipe],
  template: `
    <button
      type="button"
      class="lang-trigger"
      nz-dropdown
      [nzDropdownMenu]="langMenu"
      nzPlacement="bottomRight"
      [attr.aria-label]="'lang.label' | t"
    >
      <nz-icon nzType="global" />
      <span>{{ 'lang.' + i18n.lang() | t }}</span>
    </button>
    <nz-dropdown-menu #langMenu="nzDropdownMenu">
      <ul nz-menu>
        @for (lang of langs; track lang) {
          <li
            nz-menu-item
            tabindex="0"
            [nzSelected]="lang === i18n.lang()"
            (click)="i18n.use(lang)"
            (keyup.enter)="i18n.use(lang)"
          >
            {{ 'lang.' + lang | t }}
          </li>
        }
      </ul>
    </nz-dropdown-menu>
  `,
  styles: `
    .lang-trigger {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border: 0;
      background: transparent;
      color: inherit;
      cursor: pointer;
      padding: 0 8px;
      height: 32px;
      font: inherit;
    }
  `,
})
export class LangSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly langs: readonly Lang[] = LANGS;
}
