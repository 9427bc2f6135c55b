import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Subject } from 'rxjs';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { ADMIN, fakeAuth } from '../auth/auth.testing';
import { AddOutcome, AddOutcomes } from '../entities/add-outcomes';
import { fakeDepartment, fakeEntities, fakeLocation } from './fake-entities.testing';
import { LocationTree } from './location-tree';

/**
 * Renders the screen's container over fake entities: location "paris" with departments "sales"
 * (one child, "Plan") and "empty", for a signed-in user (the admin unless said); with helpers to
 * find, click and type as a user would.
 */
export async function renderLocationTree(user: SessionUser = ADMIN) {
  // jsdom has no layout; the virtual scroller's scrollToIndex needs this to exist.
  Element.prototype.scrollTo ??= () => undefined;
  const fake = fakeEntities();
  const addOutcome = new Subject<AddOutcome>();
  const sales = fakeDepartment('sales', ['Plan']);
  const empty = fakeDepartment('empty');
  const paris = fakeLocation('paris', [sales, empty]);
  fake.load(paris);
  TestBed.configureTestingModule({
    imports: [LocationTree],
    providers: [
      fake.provider,
      fakeAuth(user).provider,
      { provide: AddOutcomes, useValue: { outcome: addOutcome } },
      // Dialogs close at once, without waiting for an animation.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  const fixture = TestBed.createComponent(LocationTree);
  const host = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  await settle();
  const item = (name: string) =>
    host.querySelector(`[role="treeitem"][aria-label="${name}"]`) as HTMLElement;
  const click = async (element: Element | null, label: string) => {
    (element?.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement).click();
    await settle();
  };
  const group = () =>
    host.querySelector('[role="group"][aria-label="Selected location"]') as HTMLElement;
  const nameBox = () => host.querySelector('input[aria-label="Name"]') as HTMLInputElement | null;
  const press = async (key: string) => {
    nameBox()?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await settle();
  };
  /** Clicks the item of the open menu whose text has `text` in it. */
  const clickMenuItem = async (text: string) => {
    const items = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')];
    items.find((menuItem) => menuItem.textContent?.includes(text))?.click();
    await settle();
  };
  /** Types a name into the open Name box and saves it with Enter. */
  const saveName = async (name: string) => {
    const box = nameBox();
    if (box) {
      box.value = name;
    }
    await press('Enter');
  };
  /** The dialog opened last, if any. */
  const dialog = () =>
    [...document.querySelectorAll('mat-dialog-container')].at(-1) as HTMLElement | undefined;
  return {
    fake,
    fixture,
    host,
    addOutcome,
    sales,
    empty,
    paris,
    settle,
    item,
    click,
    clickMenuItem,
    group,
    nameBox,
    press,
    saveName,
    dialog,
  };
}

/** Dialogs and menus live in the document's overlay container: each test starts without one. */
export function removeOverlays(): void {
  document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
}
