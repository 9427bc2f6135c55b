import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-root',
  template: '<h1>SmartNgRX Live Sync</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
