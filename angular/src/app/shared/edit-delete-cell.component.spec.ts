import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { EditDeleteCellComponent } from './edit-delete-cell.component';

@Component({
  imports: [EditDeleteCellComponent],
  template: `
    <app-edit-delete-cell
      [deletable]="deletable()"
      deleteTitle="删除该轮次？"
      [separated]="separated()"
      (edit)="edits = edits + 1"
      (remove)="removes = removes + 1"
    />
  `,
})
class HostComponent {
  readonly deletable = signal(true);
  readonly separated = signal(false);
  edits = 0;
  removes = 0;
}

describe('EditDeleteCellComponent', () => {
  function render(deletable: boolean, separated: boolean) {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.deletable.set(deletable);
    fixture.componentInstance.separated.set(separated);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
  }

  it('should edit on the edit button and offer no delete for a row in use', () => {
    const { host, el } = render(false, true);

    el.querySelector<HTMLButtonElement>('button')!.click();

    expect(host.edits).toBe(1);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).not.toContain('·');
  });

  it('should delete only once the confirmation is accepted', async () => {
    const { fixture, host, el } = render(true, false);

    el.querySelector<HTMLAnchorElement>('a')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.querySelector('.ant-popover')?.textContent).toContain('删除该轮次？');
    expect(host.removes).toBe(0);
    document.querySelector<HTMLButtonElement>('.ant-popover-buttons .ant-btn-primary')!.click();

    expect(host.removes).toBe(1);
    expect(el.textContent).not.toContain('·');
  });

  it('should put a dot between edit and delete when separated', () => {
    const { el } = render(true, true);

    expect(el.textContent).toContain('·');
  });
});
