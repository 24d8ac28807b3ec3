import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { PageHeaderComponent } from './page-header.component';

@Component({
  imports: [PageHeaderComponent],
  template: `
    <app-page-header
      title="指标方案"
      [subtitle]="subtitle()"
      [reloadable]="reloadable()"
      (reload)="reloads = reloads + 1"
      [createLabel]="createLabel()"
      createTestId="city-create"
      (create)="creates = creates + 1"
    >
      <button type="button" class="create">新建</button>
    </app-page-header>
  `,
})
class HostComponent {
  readonly subtitle = signal('');
  readonly reloadable = signal(false);
  readonly createLabel = signal('');
  reloads = 0;
  creates = 0;
}

describe('PageHeaderComponent', () => {
  function render(subtitle: string, reloadable: boolean) {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.subtitle.set(subtitle);
    fixture.componentInstance.reloadable.set(reloadable);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('should show the title and the page buttons, without a subtitle or reload button unless asked', () => {
    const { el } = render('', false);

    expect(el.querySelector('.page-header h1')!.textContent).toBe('指标方案');
    expect(el.querySelector('.subtitle')).toBeNull();
    expect(el.querySelector('.header-actions .create')).not.toBeNull();
    expect(el.querySelectorAll('.header-actions button').length).toBe(1);
  });

  it('should put the reload button before the page buttons and report a click', () => {
    const { fixture, el } = render('按年度管理', true);

    const buttons = el.querySelectorAll<HTMLButtonElement>('.header-actions button');
    expect(el.querySelector('.subtitle')!.textContent).toBe('按年度管理');
    expect(buttons.length).toBe(2);
    expect(buttons[1].classList).toContain('create');
    buttons[0].click();
    expect(fixture.componentInstance.reloads).toBe(1);
  });

  it('should end with the primary create button only when it has a label', () => {
    const { fixture, el } = render('', false);
    expect(el.querySelector('[data-testid="city-create"]')).toBeNull();

    fixture.componentInstance.createLabel.set('新建城市');
    fixture.detectChanges();
    const button = el.querySelector<HTMLButtonElement>('[data-testid="city-create"]')!;

    expect(button.textContent!.trim()).toBe('新建城市');
    expect(el.querySelector('.header-actions')!.lastElementChild).toBe(button);
    button.click();
    expect(fixture.componentInstance.creates).toBe(1);
  });
});
