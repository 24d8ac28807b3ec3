import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { HonoursHonourAwardDto as AwardDto } from '@api/models';
import { APP_ICONS } from '@core/icons';
import { AwardTableComponent } from './award-table.component';

const REVOKED: AwardDto = {
  id: 'a2',
  cityId: 'c1',
  cityName: '兰州市',
  name: '平安鼎',
  yearsText: '2024、2025',
  awardedTime: '2026-01-20T02:00:00Z',
  isActive: false,
  revocationKindText: '撤销',
  revokedTime: '2027-03-01T02:00:00Z',
  revokedByName: 'official',
  revokeReason: '发生重大群体性事件',
};

@Component({
  imports: [AwardTableComponent],
  template: `
    @if (detailed()) {
      <app-award-table
        [awards]="awards"
        emptyText="honours.noAwards"
        testId="awards"
        withCity
        withRevoker
        [actions]="act"
      />
      <ng-template #act let-a
        ><button type="button" class="act">{{ a.id }}</button></ng-template
      >
    } @else {
      <app-award-table [awards]="awards" emptyText="cityProfile.noHonours" testId="awards" />
    }
  `,
})
class HostComponent {
  readonly detailed = signal(false);
  readonly awards = [REVOKED];
}

describe('AwardTableComponent', () => {
  function render(detailed: boolean): HTMLElement {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideNzIcons(APP_ICONS)] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.detailed.set(detailed);
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('[data-testid="awards"]') as HTMLElement;
  }

  it('should show a city profile the years, Beijing times and the reason of a revoked award', () => {
    const table = render(false);
    const text = table.textContent ?? '';
    expect(text).toContain('2024、2025');
    expect(text).toContain('2026-01-20 10:00');
    expect(text).toContain('2027-03-01 10:00 发生重大群体性事件');
    expect(text).not.toContain('official');
    expect(table.querySelector('a[href^="/city-profile"]')).toBeNull();
    expect(table.querySelectorAll('th').length).toBe(4);
  });

  it('should show the province the city, who revoked it and the actions given', () => {
    const table = render(true);
    expect(table.textContent).toContain('撤销');
    expect(table.textContent).toContain('official：发生重大群体性事件');
    expect(table.querySelector('a[href^="/city-profile"]')!.textContent).toContain('兰州市');
    expect(table.querySelector('button.act')!.textContent).toBe('a2');
    expect(table.querySelectorAll('th').length).toBe(6);
  });
});
