import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  HonoursHonourAwardDto as AwardDto,
  HonoursHonourRuleDto as RuleDto,
  HonoursHonourSeriesDto as SeriesDto,
} from '@api/models';
import { HonourService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { EditDeleteCellComponent } from '@shared/edit-delete-cell.component';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { formDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { PageHeaderComponent } from '@shared/page-header.component';
import { AwardTableComponent } from '@shared/award-table.component';
import { ReasonFieldComponent } from '@shared/reason-field.component';

/** 0: consecutive years of the grade; 1: one star for every N years of it. */
const KINDS = [0, 1] as const;

/**
 * The province's honours (荣誉): rules per scheme series (a small form and a list) and the awards they made, each
 * with the years that earned it; an award is revoked with a reason.
 */
@Component({
  selector: 'app-honour-list',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    EditDeleteCellComponent,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    PageHeaderComponent,
    ReasonFieldComponent,
    AwardTableComponent,
    FormModalComponent,
  ],
  templateUrl: './honour-list.component.html',
  styles: `
    .section {
      margin-bottom: 16px;
    }
  `,
})
export class HonourListComponent implements OnInit {
  private readonly api = inject(HonourService);
  private readonly i18n = inject(I18nService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder);

  protected readonly kinds = KINDS;
  protected readonly series = signal<SeriesDto[]>([]);
  protected readonly rules = signal<RuleDto[]>([]);
  protected readonly awards = signal<AwardDto[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly editing = signal<RuleDto | 'new' | null>(null);
  protected readonly revoking = signal<AwardDto | null>(null);

  readonly form = this.fb.group({
    seriesName: this.fb.control('', [Validators.required]),
    name: this.fb.control('', [Validators.required, Validators.maxLength(64)]),
    nameEn: this.fb.control('', [Validators.maxLength(64)]),
    kind: this.fb.control<number>(0),
    grade: this.fb.control('', [Validators.required]),
    count: this.fb.control<number>(3, [Validators.required, Validators.min(1), Validators.max(20)]),
    vetoBreaksRun: this.fb.control(true),
  });

  readonly revokeForm = this.fb.group({
    reason: this.fb.control('', [Validators.required, Validators.maxLength(1000)]),
  });
  /** The rule's and the revocation's dialogs: saving, the alert of a failed save, errors beside the fields. */
  protected readonly ruleDialog = formDialog(this.form);
  protected readonly revokeDialog = formDialog(this.revokeForm);

  private readonly pickedSeries = signal('');
  /** The grades of the series picked in the form. */
  protected readonly grades = computed(
    () => this.series().find((s) => s.name === this.pickedSeries())?.grades ?? [],
  );

  ngOnInit(): void {
    this.form.controls.seriesName.valueChanges.subscribe((v) => this.pickedSeries.set(v ?? ''));
    this.api.honourGetSeries().subscribe({
      next: (s) => this.series.set(s),
      error: (e) => this.error.set(errorText(this.i18n, e)),
    });
    this.load();
  }

  protected ruleName(id: string | undefined): string {
    return this.rules().find((r) => r.id === id)?.name ?? '';
  }

  edit(rule: RuleDto | null): void {
    this.form.reset({
      seriesName: rule?.seriesName ?? this.series()[0]?.name ?? '',
      name: rule?.name ?? '',
      nameEn: rule?.nameEn ?? '',
      kind: rule?.kind === 'GradeCount' ? 1 : 0,
      grade: rule?.grade ?? '',
      count: rule?.count ?? 3,
      vetoBreaksRun: rule?.vetoBreaksRun ?? true,
    });
    this.editing.set(rule ?? 'new');
    this.ruleDialog.show();
  }

  save(): void {
    const current = this.editing();
    if (!current) {
      return;
    }
    this.ruleDialog.save(
      (v) => {
        const body = {
          seriesName: v.seriesName ?? '',
          name: (v.name ?? '').trim(),
          nameEn: (v.nameEn ?? '').trim() || null,
          kind: Number(v.kind ?? 0) as 0 | 1,
          grade: v.grade ?? '',
          count: Number(v.count),
          vetoBreaksRun: !!v.vetoBreaksRun,
          concurrencyStamp: current === 'new' ? null : (current.concurrencyStamp ?? null),
        };
        return current === 'new'
          ? this.api.honourCreateRule({ body })
          : this.api.honourUpdateRule({ id: current.id!, body });
      },
      () => {
        this.editing.set(null);
        this.message.success(this.i18n.t('honours.saved'));
        this.load();
      },
    );
  }

  remove(rule: RuleDto): void {
    this.api.honourDeleteRule({ id: rule.id! }).subscribe({
      next: () => this.load(),
      error: (e) => this.error.set(errorText(this.i18n, e)),
    });
  }

  startRevoke(award: AwardDto): void {
    this.revokeForm.reset({ reason: '' });
    this.revoking.set(award);
    this.revokeDialog.show();
  }

  revoke(): void {
    const award = this.revoking();
    if (!award?.id) {
      return;
    }
    this.revokeDialog.save(
      (v) => this.api.honourRevoke({ id: award.id!, body: { reason: (v.reason ?? '').trim() } }),
      () => {
        this.revoking.set(null);
        this.message.success(this.i18n.t('honours.revokedDone', { name: award.name ?? '' }));
        this.load();
      },
    );
  }

  private load(): void {
    this.api.honourGetRules().subscribe({
      next: (r) => this.rules.set(r),
      error: (e) => this.error.set(errorText(this.i18n, e)),
    });
    this.api.honourGetAwards({ IncludeRevoked: true }).subscribe({
      next: (a) => this.awards.set(a),
      error: (e) => this.error.set(errorText(this.i18n, e)),
    });
  }
}
