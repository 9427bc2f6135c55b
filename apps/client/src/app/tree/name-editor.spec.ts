import { TestBed } from '@angular/core/testing';
import { NameEditor } from './name-editor';

async function setup(name = 'Sales', draft?: string) {
  const fixture = TestBed.createComponent(NameEditor);
  fixture.componentRef.setInput('name', name);
  fixture.componentRef.setInput('draft', draft);
  const saved: string[] = [];
  let dismissed = 0;
  fixture.componentInstance.save.subscribe((value) => saved.push(value));
  fixture.componentInstance.dismiss.subscribe(() => dismissed++);
  await fixture.whenStable();
  const box = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
  const press = async (key: string) => {
    box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await fixture.whenStable();
  };
  return { fixture, box, saved, dismissed: () => dismissed, press };
}

describe('NameEditor', () => {
  it('is a textbox named “Name”, focused, holding the current name', async () => {
    const { box } = await setup();
    expect(box.getAttribute('aria-label')).toBe('Name');
    expect(box.value).toBe('Sales');
    expect(document.activeElement).toBe(box);
  });

  it('saves the trimmed new name on Enter', async () => {
    const { box, saved, press } = await setup();
    box.value = '  Marketing ';
    await press('Enter');
    expect(saved).toEqual(['Marketing']);
  });

  it('cancels on Escape without saving', async () => {
    const { box, saved, dismissed, press } = await setup();
    box.value = 'Marketing';
    await press('Escape');
    expect(saved).toEqual([]);
    expect(dismissed()).toBe(1);
  });

  it('starts from a draft (a refused rename’s text) and saves it, as it differs from the name', async () => {
    const { box, saved, press } = await setup('Theirs', 'Mine');
    expect(box.value).toBe('Mine');
    await press('Enter');
    expect(saved).toEqual(['Mine']);
  });

  it('treats Enter on an unchanged name as a cancel', async () => {
    const { saved, dismissed, press } = await setup();
    await press('Enter');
    expect(saved).toEqual([]);
    expect(dismissed()).toBe(1);
  });

  it('refuses a blank name and marks the box invalid until it is edited', async () => {
    const { box, saved, dismissed, press, fixture } = await setup();
    box.value = '   ';
    await press('Enter');
    expect(saved).toEqual([]);
    expect(dismissed()).toBe(0);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(box.getAttribute('aria-invalid')).toBe('false');
  });
});
