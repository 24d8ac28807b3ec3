import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  Component,
  computed,
  effect,
  HostListener,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsAgreementKeyTaskDto as KeyTaskDto,
  AgreementsAgreementVersionDto as VersionDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { busyActions } from '@shared/busy-actions';
import { errorText } from '@shared/error-text';
import { HasUnsavedChanges } from '@shared/unsaved-changes';
import { agreementAbilities, transitionCall } from './agreement-abilities';
import { AgreementAttachmentFiles } from './agreement-attachment-files';
import { AgreementDraft } from './agreement-draft';
import { AgreementFilesService } from './agreement-files.service';
import {
  AGREEMENT_STEPS,
  AgreementTransition,
  agreementStatusColour,
  agreementStep,
} from './agreement-status';
import { AgreementAttachmentsComponent } from './detail/agreement-attachments.component';
import { AgreementHistoryDialogComponent } from './detail/agreement-history-dialog.component';
import { AgreementKeyTasksComponent } from './detail/agreement-key-tasks.component';
import { AgreementReportDialogComponent } from './detail/agreement-report-dialog.component';
import { AgreementSignDialogComponent } from './detail/agreement-sign-dialog.component';
import { AgreementVersionsComponent } from './detail/agreement-versions.component';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';
import { breadcrumbName } from '@shared/breadcrumbs';

export { fileSize, updateBody } from './agreement-body';

@Component({
  selector: 'app-agreement-detail',
  imports: [
    DisabledReasonComponent,
    DatePipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzPopconfirmModule,
    NzStepsModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    AgreementAttachmentsComponent,
    AgreementHistoryDialogComponent,
    AgreementKeyTasksComponent,
    AgreementReportDialogComponent,
    AgreementSignDialogComponent,
    AgreementVersionsComponent,
  ],

  templateUrl: './agreement-detail.component.html',
  styleUrls: ['./agreement-detail.component.css', './detail/agreement-parts.css'],
})
export class AgreementDetailComponent implements HasUnsavedChanges {
  private readonly api = inject(AgreementService);
  private readonly files = inject(AgreementFilesService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly steps = AGREEMENT_STEPS;
  protected readonly statusColour = agreementStatusColour;

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  readonly agreement = signal<AgreementDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() => this.agreement()?.title);
  /** Selected tab: 0 content, 1 key tasks, 2 attachments, 3 versions. */
  readonly tab = signal(0);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  private readonly actions = busyActions();
  /** Action in progress ('issue', 'save', 'export'...). */
  readonly busy = this.actions.busy;
  /** The attachments tab: the list and its upload, download and removal. */
  readonly attachmentFiles = new AgreementAttachmentFiles(this.actions, () => this.agreement()?.id);
  readonly attachments = this.attachmentFiles.list;
  readonly versions = signal<VersionDto[]>([]);

  protected readonly status = computed(() => this.agreement()?.status ?? '');
  protected readonly step = computed(() => agreementStep(this.status()));
  /** What the reader may do with the agreement in its current status. */
  protected readonly can = agreementAbilities(this.session, this.status);
  protected readonly lists = computed(() => {
    const a = this.agreement();
    return [
      { key: 'duties', items: a?.duties ?? [] },
      { key: 'prohibitions', items: a?.prohibitions ?? [] },
      { key: 'rules', items: a?.rules ?? [] },
    ];
  });

  /** Draft editing: title and targets, kept after a failed save. */
  readonly draft = new AgreementDraft(this.agreement);
  readonly saveError = signal<string | null>(null);

  private readonly signDialog = viewChild(AgreementSignDialogComponent);
  private readonly reportDialog = viewChild(AgreementReportDialogComponent);
  private readonly historyDialog = viewChild(AgreementHistoryDialogComponent);

  private readonly versionsTab = viewChild(AgreementVersionsComponent);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  /** Title or targets typed and not saved: leaving the page asks first. */
  hasUnsavedChanges(): boolean {
    return this.can.edit() && this.draft.dirty();
  }

  /** Closing the tab or reloading with unsaved edits: the browser asks. */
  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) {
      event.preventDefault();
    }
  }

  load(id = this.id()): void {
    this.loading.set(true);
    this.loadError.set(null);
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
    this.attachmentFiles.load(id);
    this.api.agreementGetVersions({ id }).subscribe({
      next: (list) => this.versions.set(list ?? []),
      error: () => this.versions.set([]),
    });
  }

  private setAgreement(agreement: AgreementDto): void {
    this.agreement.set(agreement);
    this.draft.reset(agreement);
    this.saveError.set(null);
  }

  /** Saves the draft's title and targets; on an error keeps what was typed. */
  save(): void {
    const a = this.agreement();
    if (!a?.id) {
      return;
    }
    this.saveError.set(null);
    const body = this.draft.body(a);
    this.actions.run(
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

  transition(action: AgreementTransition): void {
    const a = this.agreement();
    const id = a?.id;
    if (!id) {
      return;
    }
    if (action === 'delete') {
      this.actions.run('delete', this.api.agreementDelete({ id }), () => {
        // The draft is gone: nothing is left to keep.
        this.agreement.set(null);
        this.message.success(this.i18n.t('agreements.deleted'));
        void this.router.navigate(['/agreements']);
      });
      return;
    }
    const call = transitionCall(this.api, action, id);
    this.actions.run(action, call, (result) => {
      this.message.success(this.i18n.t('agreements.done.' + action));
      if (action === 'amend' && result.id) {
        void this.router.navigate(['/agreements', result.id]);
      } else {
        this.setAgreement(result);
        this.load(id);
      }
    });
  }

  /** The city countersigns (a dialog: signatory and the signed scan). */
  openSign(): void {
    this.signDialog()?.show();
  }

  signed(agreement: AgreementDto): void {
    this.message.success(this.i18n.t('agreements.done.sign'));
    this.setAgreement(agreement);
    this.load(agreement.id ?? this.id());
  }

  exportWord(): void {
    const a = this.agreement();
    if (a?.id) {
      this.actions.run(
        'export',
        this.files.exportDocx(a.id, `${a.title ?? 'agreement'}-v${a.version ?? 1}.docx`),
        () => undefined,
      );
    }
  }

  openReport(task: KeyTaskDto): void {
    this.reportDialog()?.show(task);
  }

  reported(): void {
    this.message.success(this.i18n.t('agreements.reported'));
    this.load();
  }

  openHistory(task: KeyTaskDto): void {
    this.historyDialog()?.show(task);
  }

  /** Compares this version with another of the same agreement (older one first). */
  compare(otherId: string | null): void {
    this.versionsTab()?.compare(otherId);
  }
}
