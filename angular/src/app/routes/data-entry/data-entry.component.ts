import { Component, HostListener, OnInit, inject, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { localText } from '@shared/period-time';
import { submissionStatusColour } from '@shared/status-colours';
import { HasUnsavedChanges } from '@shared/unsaved-changes';
import { CityFactsComponent } from './city-facts.component';
import { DataEntryStore } from './data-entry.store';
import { EntryCellErrorsComponent } from './entry-cell-errors.component';
import { EntryGridComponent } from './entry-grid.component';
import { EntryLineDrawerComponent } from './entry-line-drawer.component';
import { EntryOverrideReasonComponent } from './entry-override-reason.component';
import { EntrySubmissionComponent } from './entry-submission.component';
import { EntryWorkflowBarComponent } from './entry-workflow-bar.component';

/**
 * 数据填报: the open period's sheet of the city. State and side effects live in {@link DataEntryStore},
 * provided here so that it lives as long as the page; the parts of the page only show it.
 */
@Component({
  selector: 'app-data-entry',
  imports: [
    FormsModule,
    NzAlertModule,
    NzSelectModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    CityFactsComponent,
    EntryCellErrorsComponent,
    EntryGridComponent,
    EntryLineDrawerComponent,
    EntryOverrideReasonComponent,
    EntrySubmissionComponent,
    EntryWorkflowBarComponent,
  ],
  providers: [DataEntryStore],
  templateUrl: './data-entry.component.html',
  styleUrl: './data-entry.component.css',
})
export class DataEntryComponent implements OnInit, HasUnsavedChanges {
  readonly store = inject(DataEntryStore);
  protected readonly localText = localText;
  protected readonly submissionStatusColour = submissionStatusColour;
  protected readonly tab = signal(0);
  /** The evidence drawer was opened once (then kept, to close with its animation). */
  protected readonly drawerUsed = linkedSignal<boolean, boolean>({
    source: () => !!this.store.drawerLine(),
    computation: (open, previous) => open || (previous?.value ?? false),
  });

  ngOnInit(): void {
    this.store.load();
  }

  hasUnsavedChanges(): boolean {
    return this.store.hasUnsavedChanges();
  }

  /** Closing the tab or reloading with unsaved values: the browser asks. */
  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) {
      event.preventDefault();
    }
  }
}
