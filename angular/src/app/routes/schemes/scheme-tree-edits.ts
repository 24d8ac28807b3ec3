import { computed, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { NzFormatEmitEvent } from 'ng-zorro-antd/tree';
import { Observable } from 'rxjs';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { IndicatorRow, SchemeDefinition } from '@shared/scheme-definition';
import { SchemeEditsService } from './scheme-edits';
import { allCategories, findCategory, locateCategory } from './scheme-tree';

/** What the tree's edits need from the scheme page. */
export interface CategoryTreeHost {
  definition(): SchemeDefinition;
  indicators(): IndicatorRow[];
  /** Saves one change to the draft, then runs `done`. */
  change(call: (scheme: SchemeDto) => Observable<SchemeDto>, done?: () => void): void;
  /** Opens an indicator in the editor. */
  edit(row: IndicatorRow): void;
}

/** The category tree of a draft scheme: the selected category and the edits of the tree around it. */
export class CategoryTreeEdits {
  /** The category whose indicators are listed (null: all). */
  readonly selected = signal<string | null>(null);
  /** Code and names of a category or indicator to add, or the new names of the selected category. */
  readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true }),
    name: new FormControl('', { nonNullable: true }),
    nameEn: new FormControl('', { nonNullable: true }),
  });
  /** Every category, for "move to". */
  readonly options = computed(() =>
    allCategories(this.host.definition()).filter((c) => c.code !== this.selected()),
  );

  constructor(
    private readonly edits: SchemeEditsService,
    private readonly host: CategoryTreeHost,
  ) {}

  /** A click on a category: selects it, or clears the selection when it was selected. */
  click(event: NzFormatEmitEvent): void {
    const key = event.node?.key ?? null;
    const selected = key === this.selected() ? null : key;
    this.selected.set(selected);
    // Renaming starts from the category's names, so its English name is seen and kept unless changed.
    const category = selected ? findCategory(this.host.definition().categories, selected) : null;
    if (category) {
      this.form.patchValue({ name: category.name ?? '', nameEn: category.name_en ?? '' });
    }
  }

  /** A top-level category, or a subcategory of the selected one. */
  addCategory(): void {
    const { code, name, nameEn } = this.form.getRawValue();
    this.host.change(
      (scheme) =>
        this.edits.addCategory(scheme, {
          parentCode: this.selected(),
          code: code.trim(),
          name: name.trim(),
          ...(nameEn.trim() ? { nameEn: nameEn.trim() } : {}),
        }),
      () => this.form.reset(),
    );
  }

  /** A new indicator at the end of the selected category, opened in the editor to fill in its rule. */
  addIndicator(): void {
    const category = this.selected();
    const { code, name } = this.form.getRawValue();
    if (!category) {
      return;
    }
    this.host.change(
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
        const row = this.host.indicators().find((r) => r.code === code.trim());
        this.form.reset();
        if (row) {
          this.host.edit(row);
        }
      },
    );
  }

  rename(): void {
    const category = this.selected();
    const name = this.form.controls.name.value.trim();
    const nameEn = this.form.controls.nameEn.value.trim();
    if (category) {
      this.host.change(
        (scheme) => this.edits.renameCategory(scheme, category, name, nameEn || null),
        () => this.form.reset(),
      );
    }
  }

  /** One place up (-1) or down (+1) among its siblings. */
  move(delta: number): void {
    const category = this.selected();
    const place = category ? locateCategory(this.host.definition(), category) : null;
    const position = place ? place.index + delta : -1;
    if (category && place && position >= 0 && position < place.count) {
      this.host.change((scheme) =>
        this.edits.moveCategory(scheme, category, place.parentCode, position),
      );
    }
  }

  /** Under another category ('' = top level), at its end. */
  moveTo(parentCode: string | null): void {
    const category = this.selected();
    if (category && parentCode !== null) {
      this.host.change((scheme) =>
        this.edits.moveCategory(scheme, category, parentCode || null, null),
      );
    }
  }

  remove(): void {
    const category = this.selected();
    if (category) {
      this.host.change(
        (scheme) => this.edits.removeCategory(scheme, category),
        () => this.selected.set(null),
      );
    }
  }

  /** One place up or down within its category. */
}
