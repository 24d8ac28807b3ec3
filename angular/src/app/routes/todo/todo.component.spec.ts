import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { pageProviders } from '@testing/page-setup';
import { TodoTodoDto as TodoDto } from '@api/models';
import { TodoComponent } from './todo.component';
import { countdown, countdownColour } from './todo-text';

const CLERK: TodoDto = {
  entry: [
    {
      periodId: 'p1',
      periodName: '2026年度考核',
      entryClosesAt: '2026-12-10T16:00:00Z',
      entryClosesAtLocal: '2026-12-11 00:00',
      daysLeft: 3,
      mayWrite: true,
      expected: 4,
      reported: 1,
      missing: 3,
      returnedCount: 1,
      returned: [
        { indicatorCode: 'B04', indicatorName: '扫黑除恶线索核查办结率', comment: '请补充佐证' },
      ],
      toCheck: null,
    },
  ],
  review: [],
  periodStates: [],
  late: [],
  overdueProblems: { count: 0, items: [] },
};

const OFFICIAL: TodoDto = {
  entry: [],
  review: [],
  periodStates: [
    { status: 'Open', statusText: '填报中', count: 2 },
    { status: 'Published', statusText: '已发布', count: 1 },
  ],
  late: [
    {
      periodId: 'p1',
      periodName: '2026年度考核',
      entryClosesAtLocal: '2026-12-11 00:00',
      daysLeft: 9,
      expected: 30,
      cityCount: 5,
      cities: [
        {
          cityId: 'c1',
          cityName: '金昌市',
          reported: 0,
          submissionStatus: 'Draft',
          submissionStatusText: '未提交',
          urgedToday: false,
        },
        {
          cityId: 'c2',
          cityName: '天水市',
          reported: 12,
          submissionStatus: 'Returned',
          submissionStatusText: '已退回',
          urgedToday: true,
          lastUrgedLocal: '2026-12-01 09:30',
        },
      ],
      copyText: '【催报】……\n1. 金昌市：已填报 0/30 项，未提交',
    },
  ],
  overdueProblems: {
    count: 1,
    items: [
      {
        id: 'x1',
        title: '综治中心未实体化运行',
        cityName: '天水市',
        deadlineLocal: '2026-11-20',
        overdueDays: 11,
      },
    ],
  },
};

describe('TodoComponent', () => {
  let fixture: ComponentFixture<TodoComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TodoComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TodoComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  function answer(todo: TodoDto): void {
    httpMock.expectOne('/api/app/todo').flush(todo);
    fixture.detectChanges();
  }

  it('gives a clerk the countdown, what is left and the returned lines with their comments', () => {
    answer(CLERK);
    expect(el.querySelectorAll('h1').length).toBe(1);
    expect(el.querySelector('[data-testid="todo-countdown"]')?.textContent).toContain(
      '距截止还有 3 天',
    );
    expect(el.querySelector('[data-testid="todo-missing"]')?.textContent).toContain(
      '还有 3 项未填报（共 4 项）',
    );
    const returned = el.querySelector('.returned')?.textContent ?? '';
    expect(returned).toContain('扫黑除恶线索核查办结率');
    expect(returned).toContain('请补充佐证');
    expect(el.querySelector('[data-testid="todo-to-check"]')).toBeNull();
    expect(el.querySelector('[data-testid="todo-late-p1"]')).toBeNull();
  }, 30_000);

  it('lists the late cities to the official, urges one and reloads; a city urged today cannot be urged again', () => {
    answer(OFFICIAL);
    expect(el.querySelector('[data-testid="todo-period-states"]')?.textContent).toContain(
      '填报中 2',
    );
    const late = el.querySelector('[data-testid="todo-late-p1"]')!;
    expect(late.textContent).toContain('5 个试点城市中还有 2 个未提交');
    const again = el.querySelector<HTMLButtonElement>('[data-testid="todo-urge-c2"]')!;
    expect(again.disabled).toBe(true);
    expect(again.textContent).toContain('今日已催');
    expect(el.querySelector('[data-testid="todo-overdue"]')?.textContent).toContain(
      '综治中心未实体化运行',
    );

    el.querySelector<HTMLButtonElement>('[data-testid="todo-urge-c1"]')!.click();
    const urge = httpMock.expectOne('/api/app/todo/periods/p1/cities/c1/urge');
    expect(urge.request.method).toBe('POST');
    urge.flush({ cityName: '金昌市', notified: 3, emailed: 0, copyText: '' });
    httpMock.expectOne('/api/app/todo').flush(OFFICIAL);
  }, 30_000);

  it('copies the list of late cities for 政务微信 or 钉钉', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    answer(OFFICIAL);
    el.querySelector<HTMLButtonElement>('[data-testid="todo-copy"]')!.click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(OFFICIAL.late![0].copyText);
  }, 30_000);

  it('says so when there is nothing to do', () => {
    answer({ entry: [], review: [], periodStates: [], late: [] });
    expect(el.querySelector('[data-testid="todo-empty"]')?.textContent).toContain('暂无待办事项');
  });
});

describe('countdown', () => {
  it('names the days left, today and the days since the close, red when near', () => {
    expect(countdown(5)).toEqual({ key: 'todo.daysLeft', n: 5 });
    expect(countdown(0)).toEqual({ key: 'todo.closesToday', n: 0 });
    expect(countdown(-2)).toEqual({ key: 'todo.closedDaysAgo', n: 2 });
    expect(countdownColour(2)).toBe('red');
    expect(countdownColour(6)).toBe('orange');
    expect(countdownColour(20)).toBe('blue');
  });
});
