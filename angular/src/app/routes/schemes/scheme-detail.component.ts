import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { HttpClient, HttpResponse } from '@angular/common/http';
import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, FormsModule, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormatEmitEvent, NzTreeModule } from 'ng-zorro-antd/tree';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import { ApiConfiguration } from '@api/api-configuration';
import { schemeExportExcel } from '@api/fn/scheme/scheme-export-excel';
import { schemeExportJson } from '@api/fn/scheme/scheme-export-json';
import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { consequenceWords, lookupOf, ruleParameterWords } from '@core/i18n/rule-words';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { fileNameOf, saveBlob } from '@shared/entry-files.service';
import { errorText } from '@shared/error-text';
import {
  IndicatorRow,
  ProblemGroup,
  SchemeCategory,
  SchemeDefinition,
  SchemeRule,
  asDefinition,
  categoryCodesUnder,
  categoryTree,
  flattenIndicators,
  groupDraftProblems,
  groupProblems,
} from '@shared/scheme-definition';
import { statusColour } from './scheme-list.component';
import { IndicatorEditorComponent } from './indicator-editor.component';
import { SchemePreviewComponent } from './scheme-preview.component';
import { SchemeEditsService, ruleTextsByCode } from './scheme-edits';
import { breadcrumbName } from '@shared/breadcrumbs';

/** The category of a code anywhere in the tree. */
export function findCategory(
  categories: readonly SchemeCategory[] | null | undefined,
  code: string,
): SchemeCategory | null {
  for (const c of categories ?? []) {
    const found = c.code === code ? c : findCategory(c.children, code);
    if (found) {
      return found;
    }
  }
  return null;
}

/** Where a category sits: its parent (null = top level), its index among its siblings and how many siblings there are. */
export function locateCategory(
  definition: SchemeDefinition,
  code: string,
): { parentCode: string | null; index: number; count: number } | null {
  const visit = (
    categories: readonly SchemeCategory[] | null | undefined,
    parentCode: string | null,
  ): { parentCode: string | null; index: number; count: number } | null => {
    const list = categories ?? [];
    const index = list.findIndex((c) => c.code === code);
    if (index >= 0) {
      return { parentCode, index, count: list.length };
    }
    for (const c of list) {
      const found = visit(c.children, c.code);
      if (found) {
        return found;
      }
    }
    return null;
  };
  return visit(definition.categories, null);
}

@Component({
  selector: 'app-scheme-detail',
  imports: [
    DatePipe,
    DecimalPipe,
    NgTemplateOutlet,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    NzTreeModule,
    NzInputModule,
    NzSelectModule,
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    SchemePreviewComponent,
    IndicatorEditorComponent,
  ],
  templateUrl: './scheme-detail.component.html',
  styleUrl: './scheme-detail.component.css',
})
export class SchemeDetailComponent {
  private readonly api = inject(SchemeService);
  private readonly edits = inject(SchemeEditsService);
  private readonly http = inject(HttpClient);
  private readonly apiConfig = inject(ApiConfiguration);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Schemes;
  protected readonly statusColour = statusColour;

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  readonly scheme = signal<SchemeDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() => this.scheme()?.name);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** Action in progress: 'publish', 'archive', 'copy', 'delete' or 'export'. */
  protected readonly busy = signal<string | null>(null);
  /** Every problem of the last failed publish, grouped by indicator code. */
  readonly publishProblems = signal<ProblemGroup[] | null>(null);
  protected readonly publishTitle = signal<string | null>(null);

  protected readonly definition = computed(() => asDefinition(this.scheme()?.definition));
  readonly indicators = computed(() => flattenIndicators(this.definition()));
  protected readonly tree = computed(() => categoryTree(this.definition()));
  protected readonly selectedCategory = signal<string | null>(null);
  protected readonly visibleIndicators = computed(() => {
    const category = this.selectedCategory();
    if (!category) {
      return this.indicators();
    }
    const codes = categoryCodesUnder(this.definition(), category);
    return this.indicators().filter((row) => codes.has(row.categoryCode));
  });
  protected readonly bonus = computed(() => this.definition().bonus ?? null);
  protected readonly vetoes = computed(() => this.definition().vetoes ?? []);
  protected readonly grades = computed(() => this.definition().grades ?? []);
  protected readonly colours = computed(() => this.definition().colours ?? []);

  /** Code order of the scheme's items, so problems are listed in that order. */
  private readonly order = computed(() => {
    const d = this.definition();
    return [
      ...this.indicators().map((r) => r.code),
      ...(d.bonus?.items ?? []).map((b) => b.code),
      ...(d.vetoes ?? []).map((v) => v.code),
    ];
  });
  /** A draft's own problems (from GET), grouped the same way. */
  protected readonly draftProblems = computed(() =>
    this.scheme()?.status === 'Draft'
      ? groupDraftProblems(this.scheme()?.problems, this.order())
      : [],
  );
  /** Problems by target code, shown beside the indicator. */
  protected readonly problemsByCode = computed(() => {
    const map = new Map<string, string[]>();
    for (const group of [...this.draftProblems(), ...(this.publishProblems() ?? [])]) {
      map.set(group.target, [...(map.get(group.target) ?? []), ...group.messages]);
    }
    return map;
  });
  private readonly names = computed(() => {
    const d = this.definition();
    const map = new Map<string, string>();
    const visit = (categories: typeof d.categories) => {
      for (const c of categories ?? []) {
        map.set(c.code, c.name);
        visit(c.children);
      }
    };
    visit(d.categories);
    this.indicators().forEach((r) => map.set(r.code, r.name));
    (d.bonus?.items ?? []).forEach((b) => map.set(b.code, b.name));
    (d.vetoes ?? []).forEach((v) => map.set(v.code, v.name));
    return map;
  });

  /** The rule in words generated from each indicator's parameters, by code. */
  protected readonly ruleTexts = computed(() => ruleTextsByCode(this.scheme()));
  /** Every category, for "move to". */
  protected readonly categoryOptions = computed(() => {
    const all: { code: string; name: string }[] = [];
    const visit = (categories: readonly SchemeCategory[] | null | undefined) => {
      for (const c of categories ?? []) {
        all.push({ code: c.code, name: c.name });
        visit(c.children);
      }
    };
    visit(this.definition().categories);
    return all.filter((c) => c.code !== this.selectedCategory());
  });
  /** Code and names of a category or indicator to add, or the new names of the selected category. */
  readonly treeForm = new FormGroup({
    code: new FormControl('', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true }),
    nameEn: new FormControl('', { nonNullable: true }),
  });

  protected readonly previewCode = signal<string | null>(null);
  /** Indicator open in the editor (drafts only). */
  readonly editing = signal<IndicatorRow | null>(null);
  protected readonly canEdit = computed(
    () => this.scheme()?.status === 'Draft' && this.session.isGranted(this.P.Manage),
  );

  onSaved(updated: SchemeDto): void {
    this.scheme.set(updated);
    this.message.success(this.i18n.t('schemes.editor.saved', { code: this.lastEdited ?? '' }));
  }

  private lastEdited: string | null = null;

  edit(row: IndicatorRow): void {
    this.lastEdited = row.code;
    this.editing.set(row);
  }

  constructor() {
    // The same page instance shows another scheme after "copy as new draft": reload on every id.
    effect(() => {
      this.id();
      untracked(() => {
        this.publishProblems.set(null);
        this.selectedCategory.set(null);
        this.editing.set(null);
        this.load();
      });
    });
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.schemeGet({ id: this.id() }).subscribe({
      next: (scheme) => {
        this.scheme.set(scheme);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  protected targetLabel(target: string): string {
    if (target.toLowerCase() === 'scheme') {
      return this.i18n.t('schemes.wholeScheme');
    }
    const name = this.names().get(target);
    return name ? `${target} ${name}` : target;
  }

  protected kindLabel(kind: string | null | undefined): string {
    return kind ? this.label(`schemes.ruleKinds.${kind}`, kind) : '';
  }

  protected sourceLabel(source: string | null | undefined): string {
    return source ? this.label(`schemes.sources.${source}`, source) : '';
  }

  protected params(rule: SchemeRule | null | undefined): string {
    return ruleParameterWords(rule, lookupOf(this.i18n));
  }

  protected consequence(rule: SchemeRule | null | undefined): string {
    return consequenceWords(rule, lookupOf(this.i18n));
  }

  private label(key: string, fallback: string): string {
    const text = this.i18n.t(key);
    return text === key ? fallback : text;
  }

  protected onTreeClick(event: NzFormatEmitEvent): void {
    const key = event.node?.key ?? null;
    const selected = key === this.selectedCategory() ? null : key;
    this.selectedCategory.set(selected);
    // Renaming starts from the category's names, so its English name is seen and kept unless changed.
    const category = selected ? findCategory(this.definition().categories, selected) : null;
    if (category) {
      this.treeForm.patchValue({ name: category.name ?? '', nameEn: category.name_en ?? '' });
    }
  }

  protected preview(row: IndicatorRow): void {
    this.previewCode.set(row.code);
    document
      .querySelector('[data-testid="scheme-preview"]')
      ?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  }

  /** A top-level category, or a subcategory of the selected one. */
  addCategory(): void {
    const { code, name, nameEn } = this.treeForm.getRawValue();
    this.change(
      (scheme) =>
        this.edits.addCategory(scheme, {
          parentCode: this.selectedCategory(),
          code: code.trim(),
          name: name.trim(),
          ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
        }),
      () => this.treeForm.reset(),
    );
  }

  /** A new indicator at the end of the selected category, opened in the editor to fill in its rule. */
  addIndicator(): void {
    const category = this.selectedCategory();
    const { code, name } = this.treeForm.getRawValue();
    if (!category) {
      return;
    }
    this.change(
      (scheme) =>
        this.edits.addIndicator(scheme, {
          categoryCode: category,
          code: code.trim(),
          name: name.trim(),
          maxPoints: 1,
          scoreSource: 'department',
          evidenceRequired: false,
        }),
      () => {
        const row = this.indicators().find((r) => r.code === code.trim());
        this.treeForm.reset();
        if (row) {
          this.edit(row);
        }
      },
    );
  }

  renameCategory(): void {
    const category = this.selectedCategory();
    const name = this.treeForm.controls.name.value.trim();
    const nameEn = this.treeForm.controls.nameEn.value.trim();
    if (category) {
      this.change(
        (scheme) => this.edits.renameCategory(scheme, category, name, nameEn || null),
        () => this.treeForm.reset(),
      );
    }
  }

  /** One place up (-1) or down (+1) among its siblings. */
  moveCategory(delta: number): void {
    const category = this.selectedCategory();
    const place = category ? locateCategory(this.definition(), category) : null;
    const position = place ? place.index + delta : -1;
    if (category && place && position >= 0 && position < place.count) {
      this.change((scheme) =>
        this.edits.moveCategory(scheme, category, place.parentCode, position),
      );
    }
  }

  /** Under another category ('' = top level), at its end. */
  moveSelectedTo(parentCode: string | null): void {
    const category = this.selectedCategory();
    if (category && parentCode !== null) {
      this.change((scheme) => this.edits.moveCategory(scheme, category, parentCode || null, null));
    }
  }

  removeCategory(): void {
    const category = this.selectedCategory();
    if (category) {
      this.change(
        (scheme) => this.edits.removeCategory(scheme, category),
        () => this.selectedCategory.set(null),
      );
    }
  }

  /** One place up or down within its category. */
  moveIndicator(row: IndicatorRow, delta: number): void {
    const siblings = this.indicators().filter((r) => r.categoryCode === row.categoryCode);
    const position = siblings.findIndex((r) => r.code === row.code) + delta;
    if (position >= 0 && position < siblings.length) {
      this.change((scheme) =>
        this.edits.moveIndicator(scheme, row.code, row.categoryCode, position),
      );
    }
  }

  removeIndicator(row: IndicatorRow): void {
    this.change((scheme) => this.edits.removeIndicator(scheme, row.code));
  }

  /** Saves one change to the draft; the saved draft (with its problems) replaces the page's copy. */
  private change(call: (scheme: SchemeDto) => Observable<SchemeDto>, done?: () => void): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    this.run('edit', call(scheme), (updated) => {
      this.scheme.set(updated);
      done?.();
    });
  }

  publish(): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    this.publishProblems.set(null);
    this.publishTitle.set(null);
    this.run('publish', this.api.schemePublish({ id: scheme.id }), (published) => {
      this.scheme.set(published);
      this.message.success(this.i18n.t('schemes.published', { name: published.name }));
    });
  }

  archive(): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    this.run('archive', this.api.schemeArchive({ id: scheme.id }), (archived) => {
      this.scheme.set(archived);
      this.message.success(this.i18n.t('schemes.archived', { name: archived.name }));
    });
  }

  copy(): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    this.run('copy', this.api.schemeCopyAsNewDraft({ id: scheme.id }), (copy) => {
      this.message.success(this.i18n.t('schemes.copied', { version: copy.version }));
      void this.router.navigate(['/schemes', copy.id]);
    });
  }

  remove(): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    this.run('delete', this.api.schemeDelete({ id: scheme.id }), () => {
      this.message.success(this.i18n.t('schemes.deleted', { name: scheme.name }));
      void this.router.navigate(['/schemes']);
    });
  }

  /** Downloads the scheme as JSON or as the xlsx workbook (the same files the imports take). */
  exportFile(format: 'json' | 'excel' = 'json'): void {
    const scheme = this.scheme();
    if (!scheme?.id) {
      return;
    }
    const path = format === 'excel' ? schemeExportExcel.PATH : schemeExportJson.PATH;
    const extension = format === 'excel' ? 'xlsx' : 'json';
    const url = this.apiConfig.rootUrl + path.replace('{id}', encodeURIComponent(scheme.id));
    this.run(
      format === 'excel' ? 'exportExcel' : 'export',
      this.http.get(url, { responseType: 'blob', observe: 'response' }),
      (response: HttpResponse<Blob>) => {
        const fallback = `${scheme.name}-${scheme.year}-v${scheme.version}.${extension}`;
        saveBlob(response.body ?? new Blob([]), fileNameOf(response, fallback));
      },
    );
  }

  private run<T>(action: string, call: Observable<T>, done: (result: T) => void): void {
    this.busy.set(action);
    call.subscribe({
      next: (result) => {
        this.busy.set(null);
        done(result);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        const problem = toProblemDetails(e);
        const groups = action === 'publish' ? groupProblems(problem, this.order()) : [];
        if (groups.length) {
          this.publishTitle.set(problem?.title ?? null);
          this.publishProblems.set(groups);
        } else {
          this.message.error(errorText(this.i18n, e));
        }
      },
    });
  }
}
