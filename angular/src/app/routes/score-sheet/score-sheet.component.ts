import { Component } from '@angular/core';

@Component({
  selector: 'app-score-sheet',
  template: ``,
})
export class ScoreSheetComponent {}
