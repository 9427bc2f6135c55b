import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { App } from './app';
import { ActivityEntry, ActivityLog } from './activity/activity-log';
import { fakeAuth, sessionUser } from './auth/auth.testing';
import { ConnectionStatus, SocketConnection } from './socket/socket-connection';
import { SubscribedRows } from './socket/subscribed-rows';
import { FirstScreenPreload } from './tree/first-screen-preload';
import { LocationTree } from './tree/location-tree';
import { Workspace } from './workspace/workspace';

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
  const firstScreenReady = signal(true);

  const bob = sessionUser('bob', { l1: 'editor', l2: 'viewer' });

  /** Renders the app for a user, signed out (null), or while that is being checked. */
  async function render(user: SessionUser | null | 'checking' = bob) {
    const auth = fakeAuth(user);
    const snackBar = { open: jest.fn() };
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        auth.provider,
        { provide: MatSnackBar, useValue: snackBar },
        { provide: SocketConnection, useValue: { status } },
        { provide: ActivityLog, useValue: { entries: activity } },
        { provide: SubscribedRows, useValue: { count: subscribedCount } },
        { provide: FirstScreenPreload, useValue: { ready: firstScreenReady } },
      ],
    }).overrideComponent(Workspace, {
      remove: { imports: [LocationTree] },
      add: { imports: [LocationTreeStub] },
    });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const signOutButton = () =>
      [...host.querySelectorAll('mat-toolbar button')].find(
        (button) => button.textContent?.replace('logout', '').trim() === 'Sign out',
      ) as HTMLButtonElement | undefined;
    return { fixture, host, auth, snackBar, signOutButton };
  }

  it('shows the app once its first screen is ready, in one rendering', async () => {
    firstScreenReady.set(false);
    const { fixture, host } = await render();
    expect(host.querySelector('app-workspace')).toBeNull();
    firstScreenReady.set(true);
    await fixture.whenStable();
    expect(host.querySelector('app-workspace')).not.toBeNull();
  });

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

  it('renders the activity panel only while it is out: a closed one costs no work', async () => {
    const { fixture, host } = await render();
    const toggle = host.querySelector('button[aria-label="Activity"]') as HTMLButtonElement;
    const panel = () => host.querySelector('app-activity-panel');
    expect(panel()).toBeNull();
    toggle.click();
    await fixture.whenStable();
    expect(panel()).not.toBeNull();
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(panel()).toBeNull();
    activity.set([{ time: new Date(), raw: '{}', problem: 'not a notification' }]);
    await fixture.whenStable();
    expect(panel()).toBeNull();
  });

  it('says in the activity panel how many rows the server tells this browser about', async () => {
    subscribedCount.set(1);
    const { fixture, host } = await render();
    (host.querySelector('button[aria-label="Activity"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const status = () => host.querySelector('app-activity-panel [role="status"]');
    expect(status()?.getAttribute('aria-label')).toBe('Subscribed to 1 row');
    subscribedCount.set(433);
    await fixture.whenStable();
    expect(status()?.textContent?.trim()).toBe('Subscribed to 433 rows');
    expect(status()?.getAttribute('aria-label')).toBe('Subscribed to 433 rows');
  });

  it('shows who is signed in in the toolbar, and signs out', async () => {
    const { host, auth, signOutButton } = await render();
    expect(host.querySelector('mat-toolbar .username')?.textContent?.trim()).toBe('bob');
    const button = signOutButton();
    expect(button?.querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
    button?.click();
    expect(auth.auth.signOut).toHaveBeenCalledTimes(1);
  });

  it('says so when signing out failed', async () => {
    const { auth, snackBar, signOutButton } = await render();
    auth.auth.signOut.mockRejectedValue(new Error('offline'));
    signOutButton()?.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(snackBar.open).toHaveBeenCalledWith(
      'Could not sign out: offline',
      'Dismiss',
      expect.anything(),
    );
  });

  it('shows nothing until it knows whether someone is signed in', async () => {
    const { host } = await render('checking');
    expect(host.querySelector('mat-toolbar')).toBeNull();
    expect(host.querySelector('app-sign-in')).toBeNull();
  });

  it('shows only the sign-in page while nobody has signed in, and the app once signed in', async () => {
    const { fixture, host, auth } = await render(null);
    expect(host.querySelector('app-sign-in')).not.toBeNull();
    expect(host.querySelector('app-location-tree')).toBeNull();
    auth.user.set(bob);
    auth.pageUser.set(bob);
    await fixture.whenStable();
    expect(host.querySelector('app-sign-in')).toBeNull();
    expect(host.querySelector('app-location-tree')).not.toBeNull();
  });

  it('keeps the app as it was, hidden under the sign-in page, while the session is lost', async () => {
    const { fixture, host, auth } = await render();
    const tree = host.querySelector('app-location-tree');
    const shell = () => host.querySelector('.shell') as HTMLElement;
    auth.user.set(null);
    await fixture.whenStable();
    expect(host.querySelector('app-sign-in')).not.toBeNull();
    expect(shell().classList).toContain('away');
    expect(shell().hasAttribute('inert')).toBe(true);
    expect(shell().getAttribute('aria-hidden')).toBe('true');

    auth.user.set(bob);
    await fixture.whenStable();
    expect(host.querySelector('app-sign-in')).toBeNull();
    expect(host.querySelector('app-location-tree')).toBe(tree);
    expect(shell().classList).not.toContain('away');
    expect(shell().hasAttribute('inert')).toBe(false);
  });
});
