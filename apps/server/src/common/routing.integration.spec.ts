import { ID_MAX_LENGTH } from '@smart-sync/shared-types';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('routing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('matches a path whatever its case and with a trailing slash', async () => {
    await t.api.get('/api/auth/me').expect(200);
    await t.api.get('/API/Auth/ME').expect(200);
    await t.api.get('/api/auth/me/').expect(200);
  });

  it('leaves an id too long to the route to refuse (400), however long', async () => {
    for (const length of [ID_MAX_LENGTH + 1, 101, 5000]) {
      const response = await t.api.delete(`/api/docs/${'x'.repeat(length)}`).expect(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        message: `id: must be at most ${ID_MAX_LENGTH} characters`,
      });
    }
  });
});
