import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import { Observable, concatMap } from 'rxjs';

import {
  AgreementsAgreementAttachmentDto as AttachmentDto,
  AgreementsAgreementDiffDto as DiffDto,
  AgreementsAgreementDto as AgreementDto,
  AgreementsAgreementKeyTaskDto as KeyTaskDto,
  AgreementsAgreementVersionDto as VersionDto,
  AgreementsKeyTaskProgressDto as ProgressDto,
  AgreementsUpdateAgreementInput as UpdateAgreementInput,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { AgreementFilesService } from './agreement-files.service';
import {
  AGREEMENT_STEPS,
  agreementStatusColour,
  agreementStep,
  keyTaskStatusColour,
} from './agreement-status';

/** The PUT body that keeps everything of the agreement but its title and the given targets. */
export function updateBody(
  agreement: AgreementDto,
  title: string,
  targets: Record<string, number | null>,
): UpdateAgreementInput {
  const lines = agreement.lines ?? [];
  const target = (code: string, current: number | null | undefined) =>
    code in targets ? targets[code] : (current ?? null);
  return {
    title,
    targets: lines
      .filter((l) => !l.isExtra)
      .map((l) => ({ code: l.code ?? '', target: target(l.code ?? '', l.target), note: l.note })),
    extraLines: lines
      .filter((l) => l.isExtra)
      .map((l) => ({
        code: l.code ?? '',
        name: l.name ?? '',
        maxPoints: l.maxPoints ?? 0,
        target: target(l.code ?? '', l.target),
        note: l.note,
      })),
    keyTasks: (agreement.keyTasks ?? []).map((t) => ({
      code: t.code ?? '',
      area: t.area ?? '',
      task: t.task ?? '',
      responsibleUnit: t.responsibleUnit,
      responsibleUnitId: t.responsibleUnitId,
      dueDate: t.dueDate,
      milestones: t.milestones ?? [],
    })),
    duties: agreement.duties ?? [],
    prohibitions: agreement.prohibitions ?? [],
    rules: agreement.rules ?? [],
    concurrencyStamp: agreement.concurrencyStamp ?? '',
  };
}

/** Human size of a file: 1.2 MB, 350 KB. */
export function fileSize(bytes: number | null | undefined): string {
  const n = bytes ?? 0;
  if (n >= 1024 * 1024) {
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

const ACCEPT_SCANS = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

@Component({
  selector: 'app-agreement-detail',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzProgressModule,
    NzSelectModule,
    NzStepsModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzUploadModule,
    TranslatePipe,
  ],
  templateUrl: './agreement-detail.component.html',
  styleUrl: './agreement-detail.component.css',
})
export class AgreementDetailComponent {
  private readonly api = inject(AgreementService);
  private readonly files = inject(AgreementFilesService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly steps = AGREEMENT_STEPS;
  protected readonly statusColour = agreementStatusColour;
  protected readonly taskColour = keyTaskStatusColour;
  protected readonly fileSize = fileSize;
  protected readonly acceptScans = ACCEPT_SCANS;

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  readonly agreement = signal<AgreementDto | null>(null);
  /** Selected tab: 0 content, 1 key tasks, 2 attachments, 3 versions. */
  readonly tab = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** Action in progress ('issue', 'sign', 'export'...). */
  readonly busy = signal<string | null>(null);
  readonly attachments = signal<AttachmentDto[]>([]);
  readonly versions = signal<VersionDto[]>([]);

  protected readonly status = computed(() => this.agreement()?.status ?? '');
  protected readonly step = computed(() => agreementStep(this.status()));
  protected readonly isHost = computed(() => this.session.isHostUser());
  readonly canManage = computed(
    () => this.isHost() && this.session.isGranted(Permissions.Agreements.Manage),
  );
  readonly canSign = computed(
    () => !this.isHost() && this.session.isGranted(Permissions.Agreements.Sign),
  );
  readonly canReport = computed(
    () =>
      !this.isHost() &&
      this.session.isGranted(Permissions.Agreements.Report) &&
      ['Signed', 'InForce'].includes(this.status()),
  );
  readonly canUpload = computed(
    () => this.canSign() && ['Issued', 'Signed', 'InForce'].includes(this.status()),
  );
  protected readonly canDeleteAttachment = computed(
    () => this.canSign() && !['Superseded', 'Closed'].includes(this.status()),
  );
  readonly editable = computed(() => this.canManage() && this.status() === 'Draft');
  protected readonly lists = computed(() => {
    const a = this.agreement();
    return [
      { key: 'duties', items: a?.duties ?? [] },
      { key: 'prohibitions', items: a?.prohibitions ?? [] },
      { key: 'rules', items: a?.rules ?? [] },
    ];
  });

  // draft editing: title and targets, kept after a failed save
  readonly draftTitle = signal('');
  readonly draftTargets = signal<Record<string, number | null>>({});
  protected readonly dirty = computed(() => {
    const a = this.agreement();
    if (!a) {
      return false;
    }
    const targets = this.draftTargets();
    return (
      this.draftTitle() !== (a.title ?? '') ||
      (a.lines ?? []).some(
        (l) => (l.code ?? '') in targets && targets[l.code ?? ''] !== (l.target ?? null),
      )
    );
  });
  readonly saveError = signal<string | null>(null);

  // signing (city): signatory and the signed scan
  readonly signOpen = signal(false);
  readonly signatory = signal('');
  readonly scan = signal<File | null>(null);
  readonly signError = signal<string | null>(null);

  // progress report (city)
  readonly reportTask = signal<KeyTaskDto | null>(null);
  readonly reportPercent = signal<number | null>(0);
  readonly reportMilestone = signal<string | null>(null);
  readonly reportNote = signal('');
  readonly reportFile = signal<File | null>(null);
  readonly reportError = signal<string | null>(null);

  // progress history
  readonly historyTask = signal<KeyTaskDto | null>(null);
  readonly history = signal<ProgressDto[]>([]);

  // versions diff
  readonly compareWith = signal<string | null>(null);
  readonly diff = signal<DiffDto | null>(null);
  readonly diffError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  load(id = this.id()): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.diff.set(null);
    this.compareWith.set(null);
    this.api.agreementGet({ id }).subscribe({
      next: (agreement) => {
        this.loading.set(false);
        this.setAgreement(agreement);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
    this.loadAttachments(id);
    this.api.agreementGetVersions({ id }).subscribe({
      next: (list) => this.versions.set(list ?? []),
      error: () => this.versions.set([]),
    });
  }

  private setAgreement(agreement: AgreementDto): void {
    this.agreement.set(agreement);
    this.draftTitle.set(agreement.title ?? '');
    this.draftTargets.set({});
    this.saveError.set(null);
  }

  private loadAttachments(id: string): void {
    this.api.agreementGetAttachments({ id }).subscribe({
      next: (list) => this.attachments.set(list ?? []),
      error: () => this.attachments.set([]),
    });
  }

  targetOf(code: string | null | undefined, current: number | null | undefined): number | null {
    const targets = this.draftTargets();
    return (code ?? '') in targets ? targets[code ?? ''] : (current ?? null);
  }

  setTarget(code: string | null | undefined, value: number | null): void {
    this.draftTargets.update((t) => ({ ...t, [code ?? '']: value ?? null }));
  }

  /** Saves the draft's title and targets; on an error keeps what was typed. */
  save(): void {
    const a = this.agreement();
    if (!a?.id) {
      return;
    }
    this.saveError.set(null);
    const body = updateBody(a, this.draftTitle().trim(), this.draftTargets());
    this.run(
      'save',
      this.api.agreementUpdate({ id: a.id, body }),
      (updated) => {
        this.setAgreement(updated);
        this.message.success(this.i18n.t('agreements.saved'));
      },
      (e) => {
        if (e instanceof HttpErrorResponse && e.status === 409) {
          this.saveError.set(this.i18n.t('agreements.conflict'));
        } else {
          this.saveError.set(errorText(this.i18n, e));
        }
      },
    );
  }

  transition(action: 'issue' | 'putInForce' | 'close' | 'amend' | 'delete'): void {
    const a = this.agreement();
    const id = a?.id;
    if (!id) {
      return;
    }
    if (action === 'delete') {
      this.run('delete', this.api.agreementDelete({ id }), () => {
        this.message.success(this.i18n.t('agreements.deleted'));
        void this.router.navigate(['/agreements']);
      });
      return;
    }
    const call: Observable<AgreementDto> =
      action === 'issue'
        ? this.api.agreementIssue({ id })
        : action === 'putInForce'
          ? this.api.agreementPutInForce({ id })
          : action === 'close'
            ? this.api.agreementClose({ id })
            : this.api.agreementAmend({ id });
    this.run(action, call, (result) => {
      this.message.success(this.i18n.t('agreements.done.' + action));
      if (action === 'amend' && result.id) {
        void this.router.navigate(['/agreements', result.id]);
      } else {
        this.setAgreement(result);
        this.load(id);
      }
    });
  }

  openSign(): void {
    this.signError.set(null);
    this.scan.set(null);
    this.signatory.set(
      this.session.currentUser()?.name || this.session.currentUser()?.userName || '',
    );
    this.signOpen.set(true);
  }

  readonly pickScan = (file: NzUploadFile): boolean => {
    this.scan.set(file as unknown as File);
    this.signError.set(null);
    return false;
  };

  /** Uploads the signed scan, then countersigns; a failure keeps the dialog and its input. */
  sign(): void {
    const id = this.agreement()?.id;
    const scan = this.scan();
    if (!id) {
      return;
    }
    if (!scan) {
      this.signError.set(this.i18n.t('agreements.scanRequired'));
      return;
    }
    this.signError.set(null);
    this.busy.set('sign');
    this.files
      .uploadScan(id, scan)
      .pipe(
        concatMap(() =>
          this.api.agreementSign({
            id,
            body: { signatory: this.signatory().trim() || null },
          }),
        ),
      )
      .subscribe({
        next: (signed) => {
          this.busy.set(null);
          this.signOpen.set(false);
          this.message.success(this.i18n.t('agreements.done.sign'));
          this.setAgreement(signed);
          this.load(id);
        },
        error: (e: unknown) => {
          this.busy.set(null);
          this.signError.set(errorText(this.i18n, e));
          this.loadAttachments(id);
        },
      });
  }

  readonly uploadAttachment = (file: NzUploadFile): boolean => {
    const id = this.agreement()?.id;
    if (id) {
      this.run('upload', this.files.uploadScan(id, file as unknown as File), () => {
        this.message.success(this.i18n.t('agreements.uploaded', { name: file.name }));
        this.loadAttachments(id);
      });
    }
    return false;
  };

  download(attachment: AttachmentDto): void {
    const id = this.agreement()?.id;
    if (id) {
      this.run('download', this.files.downloadAttachment(id, attachment), () => undefined);
    }
  }

  removeAttachment(attachment: AttachmentDto): void {
    const id = this.agreement()?.id;
    if (id && attachment.id) {
      this.run(
        'removeAttachment',
        this.api.agreementDeleteAttachment({ id, attachmentId: attachment.id }),
        () => this.loadAttachments(id),
      );
    }
  }

  exportWord(): void {
    const a = this.agreement();
    if (a?.id) {
      this.run(
        'export',
        this.files.exportDocx(a.id, `${a.title ?? 'agreement'}-v${a.version ?? 1}.docx`),
        () => undefined,
      );
    }
  }

  openReport(task: KeyTaskDto): void {
    this.reportTask.set(task);
    this.reportPercent.set(task.percent ?? 0);
    this.reportMilestone.set(null);
    this.reportNote.set('');
    this.reportFile.set(null);
    this.reportError.set(null);
  }

  readonly pickEvidence = (file: NzUploadFile): boolean => {
    this.reportFile.set(file as unknown as File);
    return false;
  };

  submitReport(): void {
    const id = this.agreement()?.id;
    const task = this.reportTask();
    const percent = this.reportPercent();
    if (!id || !task?.code) {
      return;
    }
    if (percent === null || percent < 0 || percent > 100) {
      this.reportError.set(this.i18n.t('agreements.percentRange'));
      return;
    }
    this.reportError.set(null);
    this.busy.set('report');
    this.files
      .reportProgress(id, task.code, {
        percent,
        milestone: this.reportMilestone(),
        note: this.reportNote().trim() || null,
        file: this.reportFile(),
      })
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.reportTask.set(null);
          this.message.success(this.i18n.t('agreements.reported'));
          this.load(id);
        },
        error: (e: unknown) => {
          this.busy.set(null);
          this.reportError.set(errorText(this.i18n, e));
        },
      });
  }

  openHistory(task: KeyTaskDto): void {
    const id = this.agreement()?.id;
    if (!id || !task.code) {
      return;
    }
    this.historyTask.set(task);
    this.history.set([]);
    this.api.agreementGetProgress({ id, code: task.code }).subscribe({
      next: (list) => this.history.set(list ?? []),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }

  /** Compares this version with another of the same agreement (older one first). */
  compare(otherId: string | null): void {
    this.compareWith.set(otherId);
    this.diff.set(null);
    this.diffError.set(null);
    const a = this.agreement();
    const other = this.versions().find((v) => v.id === otherId);
    if (!a?.id || !otherId || !other) {
      return;
    }
    const [from, to] = (other.version ?? 0) < (a.version ?? 0) ? [otherId, a.id] : [a.id, otherId];
    this.api.agreementGetDiff({ id: from, otherId: to }).subscribe({
      next: (diff) => this.diff.set(diff),
      error: (e: unknown) => this.diffError.set(errorText(this.i18n, e)),
    });
  }

  /** Changed fields in words: 目标值、备注. */
  fieldNames(fields: readonly string[] | null | undefined): string {
    return (fields ?? []).map((f) => this.i18n.t('agreements.fields.' + f)).join('、');
  }

  diffEmpty(d: DiffDto): boolean {
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
  }

  private run<T>(
    action: string,
    call: Observable<T>,
    done: (result: T) => void,
    failed?: (e: unknown) => void,
  ): void {
    this.busy.set(action);
    call.subscribe({
      next: (result) => {
        this.busy.set(null);
        done(result);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        if (failed) {
          failed(e);
        } else {
          this.message.error(errorText(this.i18n, e));
        }
      },
    });
  }
}
