import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NzButtonModule } from 'ng-zorro-antd/button';

import { DisabledReasonComponent } from './disabled-reason.component';

@Component({
  imports: [DisabledReasonComponent, NzButtonModule],
  template: `
    <app-disabled-reason [reason]="reason()">
      <button nz-button [disabled]="disabled()" (click)="clicks = clicks + 1">保存</button>
    </app-disabled-reason>
  `,
})
class HostComponent {
  readonly disabled = signal(true);
  readonly reason = signal<string | null>('没有要保存的修改');
  clicks = 0;
}

describe('DisabledReasonComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r)); // the attribute observer reports in a microtask
    fixture.detectChanges();
  }

  function wrapper(): HTMLElement {
    return el.querySelector<HTMLElement>('.disabled-reason')!;
  }

  async function hover(): Promise<string | null> {
    wrapper().dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((r) => setTimeout(r, 250)); // the tooltip's show delay
    fixture.detectChanges();
    const tip = document.querySelector('.ant-tooltip-inner')?.textContent?.trim() ?? null;
    wrapper().dispatchEvent(new MouseEvent('mouseleave'));
    await new Promise((r) => setTimeout(r, 250));
    fixture.detectChanges();
    return tip;
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
    document.body.appendChild(el);
    await settle();
  });

  afterEach(() => el.remove());

  it('says why the button is disabled on hover, and the pointer reaches the wrapper', async () => {
    expect(wrapper().getAttribute('data-disabled-reason')).toBe('没有要保存的修改');
    expect(wrapper().classList).toContain('is-disabled');
    expect(getComputedStyle(el.querySelector('button')!).pointerEvents).toBe('none');
    expect(await hover()).toBe('没有要保存的修改');
  });

  it('says nothing while the button can be pressed, and follows its state', async () => {
    fixture.componentInstance.disabled.set(false);
    await settle();
    expect(wrapper().getAttribute('data-disabled-reason')).toBeNull();
    expect(wrapper().classList).not.toContain('is-disabled');
    expect(await hover()).toBeNull();
    el.querySelector('button')!.click();
    expect(fixture.componentInstance.clicks).toBe(1);

    fixture.componentInstance.disabled.set(true);
    fixture.componentInstance.reason.set('已提交，不能再修改');
    await settle();
    expect(wrapper().getAttribute('data-disabled-reason')).toBe('已提交，不能再修改');
  });

  it('an empty reason shows nothing even while disabled', async () => {
    fixture.componentInstance.reason.set('');
    await settle();
    expect(wrapper().getAttribute('data-disabled-reason')).toBeNull();
  });
});
