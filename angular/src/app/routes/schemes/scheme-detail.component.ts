import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTreeModule } from 'ng-zorro-antd/tree';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { Observable } from 'rxjs';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { busyActions } from '@shared/busy-actions';
import {
  IndicatorRow,
  asDefinition,
  categoryCodesUnder,
  categoryTree,
  flattenIndicators,
} from '@shared/scheme-definition';
import { IndicatorEditorComponent } from './indicator-editor.component';
import { IndicatorTableComponent } from './indicator-table.component';
import { SchemeBonusVetoesComponent } from './scheme-bonus-vetoes.component';
import { SchemeDetailHeaderComponent } from './scheme-detail-header.component';
import { SchemePreviewComponent } from './scheme-preview.component';
import { SchemeProblems } from './scheme-problems';
import { namesByCode } from './scheme-tree';
import { CategoryTreeEdits } from './scheme-tree-edits';
import { SchemeEditsService, ruleTextsByCode } from './scheme-edits';
import { SchemeFileFormat, SchemeFilesService } from './scheme-files';
import { breadcrumbName } from '@shared/breadcrumbs';

@Component({
  selector: 'app-scheme-detail',
  imports: [
    NgTemplateOutlet,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzIconModule,
    NzPopconfirmModule,
    NzSpinModule,
    NzTreeModule,
    NzInputModule,
    NzSelectModule,
    FormsModule,
    ReactiveFormsModule,
    TranslatePipe,
    SchemePreviewComponent,
    IndicatorEditorComponent,
    IndicatorTableComponent,
    SchemeBonusVetoesComponent,
    SchemeDetailHeaderComponent,
  ],
  templateUrl: './scheme-detail.component.html',
  styleUrl: './scheme-detail.component.css',
})
export class SchemeDetailComponent {
  private readonly api = inject(SchemeService);
  private readonly edits = inject(SchemeEditsService);
  private readonly files = inject(SchemeFilesService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Schemes;

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  readonly scheme = signal<SchemeDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() => this.scheme()?.name);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  private readonly actions = busyActions();
  /** Action in progress: 'publish', 'archive', 'copy', 'delete' or 'export'. */
  protected readonly busy = this.actions.busy;

  protected readonly definition = computed(() => asDefinition(this.scheme()?.definition));
  readonly indicators = computed(() => flattenIndicators(this.definition()));
  protected readonly tree = computed(() => categoryTree(this.definition()));
  /** The category tree's selection and its edits (add, rename, move, remove). */
  readonly categories = new CategoryTreeEdits(inject(SchemeEditsService), {
    definition: () => this.definition(),
    indicators: () => this.indicators(),
    change: (call, done) => this.change(call, done),
    edit: (row) => this.edit(row),
  });
  protected readonly selectedCategory = this.categories.selected;
  protected readonly visibleIndicators = computed(() => {
    const category = this.selectedCategory();
    if (!category) {
      return this.indicators();
    }
    const codes = categoryCodesUnder(this.definition(), category);
    return this.indicators().filter((row) => codes.has(row.categoryCode));
  });

  /** The draft's problems and those of the last failed publish. */
  private readonly problems = new SchemeProblems(
    () => this.scheme(),
    () => this.definition(),
    () => this.indicators(),
  );
  readonly publishProblems = this.problems.publish;
  protected readonly publishTitle = this.problems.publishTitle;
  protected readonly draftProblems = this.problems.draft;
  protected readonly problemsByCode = this.problems.byCode;

  private readonly names = computed(() => namesByCode(this.definition(), this.indicators()));

  /** The rule in words generated from each indicator's parameters, by code. */
  protected readonly ruleTexts = computed(() => ruleTextsByCode(this.scheme()));

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
        this.problems.clear();
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

  protected preview(row: IndicatorRow): void {
    this.previewCode.set(row.code);
    document
      .querySelector('[data-testid="scheme-preview"]')
      ?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
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
    this.problems.clear();
    this.act(
      'publish',
      (id) => this.api.schemePublish({ id }),
      (published) => {
        this.scheme.set(published);
        this.message.success(this.i18n.t('schemes.published', { name: published.name }));
      },
    );
  }

  archive(): void {
    this.act(
      'archive',
      (id) => this.api.schemeArchive({ id }),
      (archived) => {
        this.scheme.set(archived);
        this.message.success(this.i18n.t('schemes.archived', { name: archived.name }));
      },
    );
  }

  copy(): void {
    this.act(
      'copy',
      (id) => this.api.schemeCopyAsNewDraft({ id }),
      (copy) => {
        this.message.success(this.i18n.t('schemes.copied', { version: copy.version }));
        void this.router.navigate(['/schemes', copy.id]);
      },
    );
  }

  remove(): void {
    const name = this.scheme()?.name;
    this.act(
      'delete',
      (id) => this.api.schemeDelete({ id }),
      () => {
        this.message.success(this.i18n.t('schemes.deleted', { name }));
        void this.router.navigate(['/schemes']);
      },
    );
  }

  /** Downloads the scheme as JSON or as the xlsx workbook (the same files the imports take). */
  exportFile(format: SchemeFileFormat = 'json'): void {
    const scheme = this.scheme();
    if (scheme?.id) {
      this.run(format === 'excel' ? 'exportExcel' : 'export', this.files.download(scheme, format));
    }
  }

  /** Runs one action on the scheme shown (none while it is not loaded). */
  private act<T>(
    action: string,
    call: (id: string) => Observable<T>,
    done: (result: T) => void,
  ): void {
    const id = this.scheme()?.id;
    if (id) {
      this.run(action, call(id), done);
    }
  }

  /** One call at a time; a refused publish lists its problems, any other failure pops up. */
  private run<T>(action: string, call: Observable<T>, done?: (result: T) => void): void {
    this.actions.run(
      action,
      call,
      (result) => done?.(result),
      (e) => {
        if (action !== 'publish' || !this.problems.showPublishFailure(e)) {
          this.message.error(errorText(this.i18n, e));
        }
      },
    );
  }
}
