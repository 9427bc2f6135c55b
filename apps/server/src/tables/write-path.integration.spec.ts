import { statementsDuring } from '../testing/statement-counter';
import { startTestApp, type TestApp } from '../testing/test-app';

/** What a write costs the database once the server has seen its user and its row. */
describe('write path', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SEED: 'true', SEED_SCALE: '0.01' });
  });
  afterAll(() => t?.close());

  it('checks the session on every request, but reads the user and grants at most every few seconds', async () => {
    await t.api.get('/api/auth/me').expect(200);
    expect(await statementsDuring(() => t.api.get('/api/auth/me').expect(200))).toBe(1);
  });

  it('a rename of a row seen before costs the session lookup and the update only', async () => {
    const doc = await t.db.base.doc.findFirstOrThrow({ select: { id: true } });
    await t.api.put('/api/docs').send({ id: doc.id, name: 'first' }).expect(200);
    const session = await statementsDuring(() => t.api.get('/api/auth/me').expect(200));
    const rename = await statementsDuring(() =>
      t.api.put('/api/docs').send({ id: doc.id, name: 'second' }).expect(200),
    );
    expect(rename).toBe(session + 1);
  });
});
