import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';

import { QualityEntryLineQualityDto as EntryLineQualityDto } from '@api/models';
import { boundsValidator } from './bounds-validator';
import { QualityFlagComponent } from './quality-flag.component';
import { qualityTrendOptions } from './quality-trend';

const OUTLIER: EntryLineQualityDto = {
  flag: 'Outlier',
  flagText: '异常值',
  warning: '与本市近5期中位数 120 相差过大（修正z分数 4.2）',
  value: 300,
  median: 120,
  zScore: 4.2,
  historyCount: 5,
  noteRequired: true,
};

function render(quality: EntryLineQualityDto | null, showHistory = false): HTMLElement {
  TestBed.configureTestingModule({ imports: [QualityFlagComponent] });
  const fixture = TestBed.createComponent(QualityFlagComponent);
  fixture.componentRef.setInput('quality', quality);
  fixture.componentRef.setInput('code', 'F01');
  fixture.componentRef.setInput('showHistory', showHistory);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('quality flag', () => {
  it('shows the warning beside a flagged value and asks for a note while it is missing', () => {
    const el = render(OUTLIER);
    const flag = el.querySelector('[data-quality="F01"]')!;
    expect(flag.textContent).toContain('异常值');
    expect(flag.textContent).toContain('与本市近5期中位数 120 相差过大（修正z分数 4.2）');
    expect(el.querySelector('[data-quality-note="F01"]')).not.toBeNull();
  });

  it('shows nothing for a normal value nor one never checked, and no note request once noted', () => {
    expect(render({ flag: 'None', flagText: '正常', historyCount: 3 }).textContent?.trim()).toBe(
      '',
    );
    TestBed.resetTestingModule();
    expect(render(null).textContent?.trim()).toBe('');
    TestBed.resetTestingModule();
    const noted = render({ ...OUTLIER, noteRequired: false });
    expect(noted.querySelector('[data-quality="F01"]')).not.toBeNull();
    expect(noted.querySelector('[data-quality-note="F01"]')).toBeNull();
  });

  it("lists the city's earlier values for the auditor", () => {
    const el = render(
      {
        ...OUTLIER,
        history: [
          { periodId: 'p1', periodName: '2024年度', year: 2024, number: 1, value: 110 },
          { periodId: 'p2', periodName: '2025年度', year: 2025, number: 1, value: 130.5 },
        ],
      },
      true,
    );
    const history = el.querySelector('[data-quality-history="F01"]')!.textContent ?? '';
    expect(history).toContain('2024年度 110');
    expect(history).toContain('2025年度 130.5');
  });
});

describe('quality bounds and trend', () => {
  it('refuses a minimum above the maximum', () => {
    const form = new FormGroup({
      min: new FormControl<number | null>(10),
      max: new FormControl<number | null>(5, boundsValidator),
    });
    form.controls.max.updateValueAndValidity();
    expect(form.controls.max.errors).toEqual({ boundsInverted: true });
    form.controls.min.setValue(5);
    form.controls.max.updateValueAndValidity();
    expect(form.controls.max.errors).toBeNull();
    form.controls.min.setValue(null);
    form.controls.max.updateValueAndValidity();
    expect(form.controls.max.errors).toBeNull();
  });

  it('draws the reported and on-time shares per period, oldest first', () => {
    const options = qualityTrendOptions(
      [
        { periodId: 'p1', periodName: '2024年度', reportedPercent: 80, onTimePercent: 60 },
        { periodId: 'p2', periodName: '2025年度', reportedPercent: 100, onTimePercent: 90 },
      ],
      { reported: '填报率', onTime: '按时率', percent: '%' },
    );
    expect(options.xAxis.data).toEqual(['2024年度', '2025年度']);
    expect(options.series.map((s) => s.name)).toEqual(['填报率', '按时率']);
    expect(options.series[0].data).toEqual([80, 100]);
    expect(options.series[1].data).toEqual([60, 90]);
  });
});
