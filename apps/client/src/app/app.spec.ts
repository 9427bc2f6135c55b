import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { App } from './app';
import { ActivityEntry, ActivityLog } from './activity/activity-log';
import { ConnectionStatus, SocketConnection } from './socket/socket-connection';
import { SubscribedRows } from './socket/subscribed-rows';
import { LocationTree } from './tree/location-tree';

@Component({
  selector: 'app-location-tree',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class LocationTreeStub {}

describe('App', () => {
  const status = signal<ConnectionStatus>('offline');
  const activity = signal<ActivityEntry[]>([]);
  const subscribedCount = signal(0);

  async function render() {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        { provide: SocketConnection, useValue: { status } },
        { provide: ActivityLog, useValue: { entries: activity } },
        { provide: SubscribedRows, useValue: { count: subscribedCount } },
      ],
    }).overrideComponent(App, {
      remove: { imports: [LocationTree] },
      add: { imports: [LocationTreeStub] },
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('names the app in the toolbar', async () => {
    const { host } = await render();
    expect(host.querySelector('mat-toolbar h1')?.textContent).toContain('SmartNgRX Live Sync');
  });

  it('shows the connection status as text', async () => {
    const { fixture, host } = await render();
    const chip = () => host.querySelector('[role="status"][aria-label="Connection status"]');
    expect(chip()?.textContent?.trim()).toBe('offline');
    status.set('connected');
    await fixture.whenStable();
    expect(chip()?.textContent?.trim()).toBe('connected');
  });

  it('toggles the activity panel, which lists raw and translated messages', async () => {
    activity.set([
      {
        time: new Date(),
        raw: '{"action":"update","table":"docs","ids":["1"]}',
        translated: { action: 'update', table: 'departmentChildren', ids: ['docs:1'] },
      },
    ]);
    const { fixture, host } = await render();
    const toggle = host.querySelector('button[aria-label="Activity"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const panel = host.querySelector('app-activity-panel') as HTMLElement;
    expect(panel.textContent).toContain('"table":"docs"');
    expect(panel.textContent).toContain('docs:1');
  });

  it('says in the activity panel how many rows the server tells this browser about', async () => {
    subscribedCount.set(1);
    const { fixture, host } = await render();
    const status = () => host.querySelector('app-activity-panel [role="status"]');
    expect(status()?.getAttribute('aria-label')).toBe('Subscribed to 1 row');
    subscribedCount.set(433);
    await fixture.whenStable();
    expect(status()?.textContent?.trim()).toBe('Subscribed to 433 rows');
    expect(status()?.getAttribute('aria-label')).toBe('Subscribed to 433 rows');
  });
});
