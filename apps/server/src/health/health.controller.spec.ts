import { Logger } from '@nestjs/common';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers ok when the database answers', async () => {
    await t.api.get('/api/health').expect(200, { status: 'ok' });
  });

  it('answers 503 without a stack trace when it does not', async () => {
    jest.spyOn(t.db.client, '$queryRawUnsafe').mockRejectedValueOnce(new Error('disk gone'));
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const response = await t.api.get('/api/health').expect(503);
    expect(logged.mock.calls[0][0]).toMatch(
      /GET \/api\/health → 503: .* caused by Error: disk gone$/,
    );
    logged.mockRestore();
    expect(response.body).toEqual({
      statusCode: 503,
      status: 'error',
      message: 'the database does not answer',
    });
  });

  it('started on an empty database without seeding when SEED=false', async () => {
    await t.api
      .post('/api/top')
      .send(['1'])
      .expect(200, [{ id: '1', locations: [] }]);
  });
});
