import { Component, HostListener, ViewEncapsulation, input, signal } from '@angular/core';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { beijingText } from '@core/time/beijing-time';

/**
 * The top of the printed city profile: the city and when it was printed (Beijing time). Shown only in print; its
 * stylesheet (city-profile-print.css, global on purpose) lays the page out on A4 without the menu and header.
 */
@Component({
  selector: 'app-city-profile-print-head',
  imports: [TranslatePipe],
  encapsulation: ViewEncapsulation.None,
  styleUrl: './city-profile-print.css',
  template: `
    <div class="profile-print-head" data-testid="profile-print-head">
      <div class="profile-print-title">{{ 'cityProfile.printTitle' | t: { city: city() } }}</div>
      <div>{{ 'cityProfile.printedAt' | t: { time: printedAt() } }}</div>
    </div>
  `,
})
export class CityProfilePrintHeadComponent {
  readonly city = input('');
  protected readonly printedAt = signal(CityProfilePrintHeadComponent.now());

  /** The time is that of the print, not of the page's opening. */
  @HostListener('window:beforeprint')
  protected refresh(): void {
    this.printedAt.set(CityProfilePrintHeadComponent.now());
  }

  private static now(): string {
    return beijingText(new Date().toISOString());
  }
}
