import { DEMO_PASSWORD } from '@smart-sync/shared-types';
import request from 'supertest';
import { logIn, startTestApp, type TestApp } from '../testing/test-app';

type Api = Awaited<ReturnType<typeof logIn>>['api'];

/** The demo data (few children) and the four demo users, signed in through the login route. */
describe('access per location (demo users)', () => {
  let t: TestApp;
  let as: Record<'alice' | 'bob' | 'carol' | 'dave', Api>;
  /** Location ids by number (1 → "Location 1"). */
  let locations: string[];
  /** Per location number: a department and a doc under it. */
  let departments: string[];
  let docs: string[];

  async function firstDocUnder(locationId: string) {
    const doc = await t.db.base.doc.findFirst({
      where: { department: { locationId } },
      select: { id: true, departmentId: true },
      orderBy: { created: 'asc' },
    });
    if (!doc) throw new Error('the seed put no doc under a location');
    return doc;
  }

  /** Every row's name and version: what "nothing was written" compares. */
  async function snapshot() {
    const { base } = t.db;
    const select = { id: true, name: true, version: true };
    return Promise.all([base.location.findMany({ select }), base.doc.findMany({ select })]);
  }

  beforeAll(async () => {
    t = await startTestApp({ SEED: 'true', SEED_SCALE: '0.01' });
    const rows = await t.db.base.location.findMany({ orderBy: { created: 'asc' } });
    locations = rows.map((row) => row.id);
    expect(rows.map((row) => row.name)).toEqual(['Location 1', 'Location 2', 'Location 3']);
    const found = await Promise.all(locations.map(firstDocUnder));
    docs = found.map((doc) => doc.id);
    departments = found.map((doc) => doc.departmentId);
    const sessions = await Promise.all(
      (['alice', 'bob', 'carol', 'dave'] as const).map((name) => logIn(t.url, name, DEMO_PASSWORD)),
    );
    as = {
      alice: sessions[0].api,
      bob: sessions[1].api,
      carol: sessions[2].api,
      dave: sessions[3].api,
    };
  });
  afterAll(() => t?.close());

  it('answers /me with each demo user’s rights', async () => {
    const me = async (api: Api) => (await api.get('/api/auth/me').expect(200)).body;
    expect(await me(as.alice)).toEqual({ username: 'alice', admin: true, rights: [] });
    expect(await me(as.bob)).toEqual({
      username: 'bob',
      admin: false,
      rights: expect.arrayContaining([
        { locationId: locations[0], role: 'editor' },
        { locationId: locations[1], role: 'viewer' },
      ]),
    });
    expect((await me(as.dave)).rights).toEqual([{ locationId: locations[2], role: 'editor' }]);
  });

  it('lists in the top row only the locations each user may read', async () => {
    const top = async (api: Api) => (await api.post('/api/top').send(['1']).expect(200)).body;
    expect(await top(as.alice)).toEqual([{ id: '1', locations }]);
    expect(await top(as.bob)).toEqual([{ id: '1', locations: [locations[0], locations[1]] }]);
    expect(await top(as.carol)).toEqual([{ id: '1', locations: [locations[0]] }]);
    expect(await top(as.dave)).toEqual([{ id: '1', locations: [locations[2]] }]);
  });

  it('leaves out of every load the rows the user may not read, as if they did not exist', async () => {
    const ids = async (api: Api, table: string, wanted: string[]) =>
      (await api.post(`/api/${table}`).send(wanted).expect(200)).body.map(
        (row: { id: string }) => row.id,
      );
    expect(await ids(as.dave, 'locations', locations)).toEqual([locations[2]]);
    expect(await ids(as.dave, 'departments', departments)).toEqual([departments[2]]);
    expect(await ids(as.dave, 'docs', docs)).toEqual([docs[2]]);
    expect(await ids(as.carol, 'docs', docs)).toEqual([docs[0]]);
    expect(await ids(as.bob, 'docs', docs)).toEqual([docs[0], docs[1]]);
    expect(await ids(as.alice, 'docs', docs)).toEqual(docs);
  });

  it('answers the child pages of a department the user may not read with 404, like an unknown one', async () => {
    const page = (api: Api, parentId: string) =>
      api.post('/api/departments/indexes').send({ parentId, startIndex: 0, length: 5 });
    const unreadable = await page(as.dave, departments[0]);
    const unknown = await page(as.dave, 'nope');
    expect(unreadable.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unreadable.body.message).toBe(`departments has no row with id "${departments[0]}"`);
    expect((await page(as.carol, departments[0])).status).toBe(200);
  });

  it('refuses writes: 403 for a viewer, 404 where the user may not read, nothing written', async () => {
    const before = await snapshot();
    const doc = docs[0];
    const cases: [string, request.Test, number, string][] = [
      ['viewer renames', as.carol.put('/api/docs').send({ id: doc, name: 'x' }), 403, ''],
      [
        'viewer adds',
        as.carol.post('/api/docs/add').send({ name: 'x', parentId: departments[0] }),
        403,
        '',
      ],
      ['viewer deletes', as.carol.delete(`/api/docs/${doc}`), 403, ''],
      [
        'bob renames in Location 2',
        as.bob.put('/api/docs').send({ id: docs[1], name: 'x' }),
        403,
        '',
      ],
      [
        'dave renames in Location 1',
        as.dave.put('/api/docs').send({ id: doc, name: 'x' }),
        404,
        `docs has no row with id "${doc}"`,
      ],
      [
        'dave adds in Location 1',
        as.dave.post('/api/lists/add').send({ name: 'x', parentId: departments[0] }),
        404,
        `departments has no row with id "${departments[0]}"`,
      ],
      [
        'dave deletes in Location 1',
        as.dave.delete(`/api/docs/${doc}`),
        404,
        `docs has no row with id "${doc}"`,
      ],
      [
        'dave renames Location 1',
        as.dave.put('/api/locations').send({ id: locations[0], name: 'x' }),
        404,
        `locations has no row with id "${locations[0]}"`,
      ],
      [
        'bob adds a location',
        as.bob.post('/api/locations/add').send({ name: 'x' }),
        403,
        'only an admin adds or deletes locations',
      ],
      [
        'bob deletes Location 1',
        as.bob.delete(`/api/locations/${locations[0]}`),
        403,
        'only an admin adds or deletes locations',
      ],
      [
        'dave deletes Location 1',
        as.dave.delete(`/api/locations/${locations[0]}`),
        404,
        `locations has no row with id "${locations[0]}"`,
      ],
    ];
    for (const [label, call, status, message] of cases) {
      const response = await call;
      expect({ label, status: response.status }).toEqual({ label, status });
      if (message) expect({ label, message: response.body.message }).toEqual({ label, message });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets an editor write under their location, and only an admin add or delete locations', async () => {
    await as.bob.put('/api/docs').send({ id: docs[0], name: 'By bob' }).expect(200);
    await as.bob.put('/api/locations').send({ id: locations[0], name: 'Location 1' }).expect(200);
    const added = await as.dave
      .post('/api/folders/add')
      .send({ name: 'By dave', parentId: departments[2] })
      .expect(201);
    await as.dave.delete(`/api/folders/${added.body[0].id}`).expect(204);
    const location = await as.alice.post('/api/locations/add').send({ name: 'New' }).expect(201);
    await as.alice.delete(`/api/locations/${location.body[0].id}`).expect(204);
  });
});
