import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { LOGIN_URL, ME_URL } from './auth';
import { authInterceptor } from './auth-interceptor';
import { fakeAuth } from './auth.testing';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: ReturnType<typeof fakeAuth>['auth'];

  beforeEach(() => {
    const fake = fakeAuth();
    auth = fake.auth;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        fake.provider,
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('signs out on a 401 from the API, and still fails the request', async () => {
    const loaded = firstValueFrom(http.post('/api/docs', ['1']));
    backend.expectOne('/api/docs').flush({ message: 'Unauthorized' }, unauthorized);
    await expect(loaded).rejects.toMatchObject({ status: 401 });
    expect(auth.sessionEnded).toHaveBeenCalledTimes(1);
    expect(auth.status()).toBe('signed-out');
  });

  it('does so for the session check too', async () => {
    const checked = firstValueFrom(http.get(ME_URL));
    backend.expectOne(ME_URL).flush(null, unauthorized);
    await expect(checked).rejects.toMatchObject({ status: 401 });
    expect(auth.sessionEnded).toHaveBeenCalledTimes(1);
  });

  it('leaves the sign-in call’s 401 (wrong password) to the form', async () => {
    const signedIn = firstValueFrom(http.post(LOGIN_URL, { username: 'bob', password: 'x' }));
    backend.expectOne(LOGIN_URL).flush(null, unauthorized);
    await expect(signedIn).rejects.toMatchObject({ status: 401 });
    expect(auth.sessionEnded).not.toHaveBeenCalled();
  });

  it('ignores other failures and other origins', async () => {
    const refused = firstValueFrom(http.put('/api/docs', { id: '1', name: 'x' }));
    backend.expectOne('/api/docs').flush(null, { status: 403, statusText: 'Forbidden' });
    await expect(refused).rejects.toMatchObject({ status: 403 });
    const foreign = firstValueFrom(http.get('https://example.com/api/docs'));
    backend.expectOne('https://example.com/api/docs').flush(null, unauthorized);
    await expect(foreign).rejects.toMatchObject({ status: 401 });
    expect(auth.sessionEnded).not.toHaveBeenCalled();
    expect(auth.status()).toBe('signed-in');
  });

  it('passes successful responses through', async () => {
    const loaded = firstValueFrom(http.post('/api/top', ['1']));
    backend.expectOne('/api/top').flush([{ id: '1' }]);
    expect(await loaded).toEqual([{ id: '1' }]);
  });
});
