import { Component, computed, inject, input } from '@angular/core';

import { AgreementsAgreementDiffDto as DiffDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';

/** One group of the diff: what was added (+), removed (−) and changed (code: fields). */
interface DiffGroup {
  title: string;
  added: readonly string[];
  removed: readonly string[];
  changed: readonly { code: string; fields: string }[];
}

/** What changed between two versions of an agreement: targets, lines, key tasks and lists. */
@Component({
  selector: 'app-agreement-diff',
  imports: [TranslatePipe],
  template: `
    @let d = diff();
    <div class="diff" data-testid="agreement-diff">
      <h3>{{ 'agreements.diffTitle' | t: { from: d.fromVersion, to: d.toVersion } }}</h3>
      @if (empty()) {
        <span class="hint">{{ 'agreements.noChanges' | t }}</span>
      }
      @if (d.targetsChanged?.length) {
        <h4>{{ 'agreements.diff.targets' | t }}</h4>
        <ul>
          @for (c of d.targetsChanged; track c.code) {
            <li>
              <span class="mono">{{ c.code }}</span>:
              <span class="removed">{{ c.old ?? '-' }}</span> →
              <span class="added">{{ c.new ?? '-' }}</span>
            </li>
          }
        </ul>
      }
      @for (g of groups(); track $index) {
        <h4>{{ g.title }}</h4>
        <ul>
          @for (item of g.added; track $index) {
            <li class="added">+ {{ item }}</li>
          }
          @for (item of g.removed; track $index) {
            <li class="removed">− {{ item }}</li>
          }
          @for (c of g.changed; track c.code) {
            <li>
              <span class="mono">{{ c.code }}</span>: {{ c.fields }}
            </li>
          }
        </ul>
      }
    </div>
  `,
  styleUrl: './agreement-parts.css',
  styles: `
    .diff {
      margin-top: 16px;
    }
    .diff h4 {
      margin: 12px 0 4px;
    }
    .added {
      color: #389e0d;
    }
    .removed {
      color: #cf1322;
      text-decoration: line-through;
    }
  `,
})
export class AgreementDiffComponent {
  private readonly i18n = inject(I18nService);
  readonly diff = input.required<DiffDto>();

  protected readonly empty = computed(() => {
    const d = this.diff();
    return ![
      d.linesAdded,
      d.linesRemoved,
      d.targetsChanged,
      d.linesChanged,
      d.tasksAdded,
      d.tasksRemoved,
      d.tasksChanged,
      d.listsChanged,
    ].some((x) => (x ?? []).length > 0);
  });

  /** The groups after the targets, in the order shown; a group without entries is left out. */
  protected readonly groups = computed((): DiffGroup[] => {
    const d = this.diff();
    const t = (key: string) => this.i18n.t(key);
    const changed = (list: DiffDto['linesChanged']) =>
      (list ?? []).map((c) => ({ code: c.code ?? '', fields: this.fieldNames(c.fields) }));
    const groups: DiffGroup[] = [
      {
        title: t('agreements.diff.lines'),
        added: d.linesAdded ?? [],
        removed: d.linesRemoved ?? [],
        changed: [],
      },
      {
        title: t('agreements.diff.linesChanged'),
        added: [],
        removed: [],
        changed: changed(d.linesChanged),
      },
      {
        title: t('agreements.diff.tasks'),
        added: d.tasksAdded ?? [],
        removed: d.tasksRemoved ?? [],
        changed: changed(d.tasksChanged),
      },
    ].filter((g) => g.added.length || g.removed.length || g.changed.length);
    for (const l of d.listsChanged ?? []) {
      groups.push({
        title: t('agreements.lists.' + l.list),
        added: l.added ?? [],
        removed: l.removed ?? [],
        changed: [],
      });
    }
    return groups;
  });

  /** Changed fields in words: 目标值、备注. */
  private fieldNames(fields: readonly string[] | null | undefined): string {
    return (fields ?? []).map((f) => this.i18n.t('agreements.fields.' + f)).join('、');
  }
}
