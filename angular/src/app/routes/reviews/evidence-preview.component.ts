import { Component, input, output } from '@angular/core';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { EvidencePreview } from './review-evidence';

/** An image or PDF of evidence in a modal; closing it lets the page free the blob URL. */
@Component({
  selector: 'app-evidence-preview',
  imports: [NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="!!preview()"
      [nzTitle]="preview()?.name ?? ''"
      [nzWidth]="900"
      [nzFooter]="null"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        @if (preview(); as p) {
          @if (p.image) {
            <img
              class="preview-image"
              [src]="p.safe"
              [alt]="p.name"
              data-testid="evidence-preview"
            />
          } @else {
            <iframe
              class="preview-frame"
              [src]="p.safe"
              [title]="p.name"
              data-testid="evidence-preview"
            ></iframe>
          }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .preview-image {
      max-width: 100%;
    }
    .preview-frame {
      width: 100%;
      height: 70vh;
      border: 0;
    }
  `,
})
export class EvidencePreviewComponent {
  readonly preview = input.required<EvidencePreview | null>();
  readonly closed = output<void>();
}
