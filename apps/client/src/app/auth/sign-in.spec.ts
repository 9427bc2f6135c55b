import { TestBed } from '@angular/core/testing';
import { DEMO_PASSWORD, DEMO_USERS } from '@smart-sync/shared-types/mini';
import { fakeAuth } from './auth.testing';
import { SignIn } from './sign-in';

describe('SignIn', () => {
  async function render(outcome?: string) {
    const fake = fakeAuth(null);
    fake.auth.signIn.mockResolvedValue(outcome);
    TestBed.configureTestingModule({ imports: [SignIn], providers: [fake.provider] });
    const fixture = TestBed.createComponent(SignIn);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    /** The input a label names, as a screen reader (or Playwright's getByLabel) finds it. */
    const field = (label: string) => {
      const labelElement = [...host.querySelectorAll('label')].find(
        (candidate) => candidate.textContent?.trim() === label,
      );
      const id = labelElement?.getAttribute('for');
      return (id ? host.querySelector(`#${id}`) : null) as HTMLInputElement | null;
    };
    const button = (name: string) =>
      [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    const form = () => host.querySelector('form') as HTMLFormElement;
    const fill = (username: string, password: string) => {
      (field('Username') as HTMLInputElement).value = username;
      (field('Password') as HTMLInputElement).value = password;
    };
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    const alert = () => host.querySelector('[role="alert"]');
    return { fixture, host, field, button, form, fill, settle, alert, auth: fake.auth };
  }

  it('has a Username field, a Password field (type password) and a Sign in button', async () => {
    const { field, button } = await render();
    expect(field('Username')?.type).toBe('text');
    expect(field('Password')?.type).toBe('password');
    expect(button('Sign in')?.type).toBe('submit');
  });

  it('submits on Enter: both fields are in one form whose submit button is Sign in', async () => {
    const { field, button, form, fill, settle, auth } = await render();
    expect(form().contains(field('Username'))).toBe(true);
    expect(form().contains(field('Password'))).toBe(true);
    expect(form().querySelectorAll('button[type="submit"]').length).toBe(1);
    expect(form().contains(button('Sign in') ?? null)).toBe(true);
    fill(' bob ', 'demo');
    // What a browser does on Enter in a field (implicit submission), which jsdom does not.
    form().requestSubmit();
    await settle();
    expect(auth.signIn).toHaveBeenCalledWith('bob', 'demo');
  });

  it('signs in with the button too', async () => {
    const { button, fill, settle, auth } = await render();
    fill('carol', 'demo');
    button('Sign in')?.click();
    await settle();
    expect(auth.signIn).toHaveBeenCalledWith('carol', 'demo');
  });

  it.each(['Wrong username or password', 'Too many attempts, try again in 30 s'])(
    'shows what went wrong inline, under the form, as an alert: %s',
    async (message) => {
      const { host, fill, form, settle, alert } = await render(message);
      expect(alert()).toBeNull();
      fill('bob', 'wrong');
      form().requestSubmit();
      await settle();
      expect(alert()?.textContent?.trim()).toBe(message);
      expect(form().compareDocumentPosition(alert() as Node)).toBe(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(host.contains(alert())).toBe(true);
    },
  );

  it('asks for both fields before calling the server', async () => {
    const { form, fill, settle, alert, auth } = await render();
    fill('bob', '');
    form().requestSubmit();
    await settle();
    expect(alert()?.textContent?.trim()).toBe('Enter a username and a password');
    expect(auth.signIn).not.toHaveBeenCalled();
  });

  it('lists the demo users in development; clicking one fills the form', async () => {
    const { host, field, settle, alert } = await render();
    const demo = [...host.querySelectorAll<HTMLButtonElement>('.demo-user')];
    expect(demo.map((button) => button.querySelector('.demo-name')?.textContent?.trim())).toEqual(
      DEMO_USERS.map((user) => user.username),
    );
    expect(demo[1].textContent).toContain(DEMO_USERS[1].rights);
    expect(host.textContent).toContain(`Password ${DEMO_PASSWORD}`);
    demo[2].click();
    await settle();
    expect(field('Username')?.value).toBe('carol');
    expect(field('Password')?.value).toBe(DEMO_PASSWORD);
    expect(alert()).toBeNull();
  });

  it('names no other button “Sign in”, so the form’s button is the one found by name', async () => {
    const { host } = await render();
    const names = [...host.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
    expect(names.filter((name) => /sign in/i.test(name))).toEqual(['Sign in']);
  });
});
