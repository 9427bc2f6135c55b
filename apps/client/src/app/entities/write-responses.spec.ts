import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, provideZonelessChangeDetection } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { CrudTable } from '@smart-sync/shared-types/mini';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { EntitySignals, LiveDepartment, LiveLocation } from './entity-signals';
import { FakeServer } from './fake-server.testing';
import { newRow } from './new-row';
import { provideEntities } from './provide-entities';
import { RenameConflict, RenameConflicts } from './rename-conflicts';
import { NamedRow } from './rows';

/** A parent row and its child array, which takes unsaved rows. */
interface ChildRows {
  readonly parent: object;
  readonly rows: Iterable<NamedRow> & { addToStore(row: NamedRow, parent: object): void };
}

/**
 * SmartNgRX with the app's entities and effect services over a fake server that sends no socket
 * messages: the server no longer echoes a write to the socket that made it, so the editing
 * browser's store must follow each write from its response alone. One store for the whole file
 * (SmartNgRX's registries are global); every test works on rows of its own.
 */
describe('writes without an echo', () => {
  let app: ApplicationRef;
  let server: FakeServer;
  let entities: EntitySignals;

  beforeAll(async () => {
    app = await createApplication({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideEntities(),
        { provide: smartErrorHandlerToken, useValue: { handleError: jest.fn() } },
      ],
    });
    server = new FakeServer(app.injector.get(HttpTestingController));
    server.seed('locations', 'l1');
    server.seed('locations', 'l2');
    for (const department of ['d1', 'd2', 'd3']) {
      server.seed('departments', department, 'l1');
    }
    server.seed('docs', 'a', 'd1');
    server.seed('folders', 'b', 'd1');
    server.seed('lists', 'c', 'd1');
    entities = app.injector.get(EntitySignals);
    await show();
  });

  afterAll(() => app.destroy());

  /** Reads every row, as the screen would, which loads what is missing. */
  function readAll(): void {
    const loaded = <Row extends { isLoading?: boolean }>(rows: Iterable<Row>) =>
      [...rows].filter((row) => row.isLoading !== true);
    for (const location of loaded(entities.locationRows())) {
      for (const department of loaded(location.departments)) {
        loaded(department.children);
      }
    }
  }

  /** Shows everything until all of it is loaded. */
  async function show(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      readAll();
      await server.answer();
    }
  }

  /** Makes a write, answers what it sends, shows everything again: the requests it all cost. */
  async function write(edit: () => void): Promise<string[]> {
    const before = server.requests.length;
    edit();
    await server.answer();
    await show();
    return server.requests.slice(before);
  }

  const ids = (rows: Iterable<{ id: string }>) => [...rows].map((row) => row.id);
  const location = (id: string) =>
    [...entities.locationRows()].find((row) => row.id === id) as LiveLocation;
  const department = (id: string) =>
    [...location('l1').departments].find((row) => row.id === id) as LiveDepartment;
  const child = (departmentId: string, id: string) =>
    [...department(departmentId).children].find((row) => row.id === id);

  it('starts from the server’s rows', () => {
    expect(ids(entities.locationRows())).toEqual(['l1', 'l2']);
    expect(ids(department('d1').children)).toEqual(['docs:a', 'folders:b', 'lists:c']);
    expect(child('d1', 'folders:b')?.name).toBe('folders b');
  });

  describe.each([
    ['a location', 'locations', () => location('l2')],
    ['a department', 'departments', () => department('d1')],
    ['a department child', 'folders', () => child('d1', 'folders:b')],
  ])('renaming %s', (_label, table, row) => {
    it('costs one request, the PUT, whose saved row the store takes', async () => {
      const requests = await write(() => {
        (row() as { name: string }).name = `Renamed ${table}`;
      });
      expect(requests).toEqual([`PUT /api/${table}`]);
      const { name, version } = row() as { name: string; version: number };
      expect({ name, version }).toEqual({ name: `Renamed ${table}`, version: 2 });
      expect(ids(department('d1').children)).toEqual(['docs:a', 'folders:b', 'lists:c']);
    });
  });

  describe.each([
    ['a location', 'locations', 'l2', () => location('l2')],
    ['a department', 'departments', 'd1', () => department('d1')],
    ['a department child', 'lists', 'c', () => child('d1', 'lists:c')],
  ] as const)('renaming %s someone else renamed meanwhile', (_label, table, id, row) => {
    it('keeps their row in the store, and the next rename (from their version) wins', async () => {
      const conflicts: RenameConflict[] = [];
      const subscription = app.injector
        .get(RenameConflicts)
        .conflict.subscribe((conflict) => conflicts.push(conflict));
      const { version } = row() as NamedRow;
      server.renameElsewhere(table, id, `Theirs ${table}`);
      const requests = await write(() => {
        (row() as NamedRow).name = `Mine ${table}`;
      });
      expect(requests).toEqual([`PUT /api/${table}`]);
      const shown = () => {
        const { name, version: now } = row() as NamedRow;
        return { name, version: now };
      };
      expect(shown()).toEqual({ name: `Theirs ${table}`, version: version + 1 });
      expect(conflicts).toEqual([
        { id: (row() as NamedRow).id, name: `Mine ${table}`, version: version + 1 },
      ]);
      expect(ids(department('d1').children)).toEqual(['docs:a', 'folders:b', 'lists:c']);

      await write(() => {
        (row() as NamedRow).name = `Mine ${table}`;
      });
      expect(shown()).toEqual({ name: `Mine ${table}`, version: version + 2 });
      subscription.unsubscribe();
    });
  });

  describe.each([
    ['a location', 'locations/l2', () => entities.locationRows(), 'l2'],
    ['a department', 'departments/d3', () => location('l1').departments, 'd3'],
    ['a department child', 'docs/a', () => department('d1').children, 'docs:a'],
  ] as const)('deleting %s', (_label, path, rows, id) => {
    it('costs one request, the DELETE, and takes the row out of its parent', async () => {
      const requests = await write(() =>
        ([...rows()].find((row) => row.id === id) as { delete(): void }).delete(),
      );
      expect(requests).toEqual([`DELETE /api/${path}`]);
      expect(ids(rows())).not.toContain(id);
    });
  });

  /**
   * Adds as the screen does: an unsaved row at the end of its parent's child array, saved once it
   * is named. The add's response replaces it; SmartNgRX then loads the new row once more as it is
   * read (it stored the response unmarked), and that load subscribes this socket to it.
   *
   * The department comes last: for a second after its add, SmartNgRX keeps the unsaved department
   * in its store with a `VirtualArray` object for `children` (`BaseAdd.add` stores the row that
   * `RowProxy.getRealRow()` made), on which any child add or delete in that second throws.
   */
  describe.each<[string, CrudTable, () => ChildRows]>([
    [
      'a department child',
      'lists',
      () => ({ parent: department('d2'), rows: department('d2').children }),
    ],
    ['a location', 'locations', () => ({ parent: { id: '1' }, rows: entities.locationRows() })],
    [
      'a department',
      'departments',
      () => ({ parent: location('l1'), rows: location('l1').departments }),
    ],
  ])('adding %s', (_label, table, list) => {
    it('shows the saved row under its parent, by its server id', async () => {
      const before = ids(list().rows);
      const unsaved = newRow(table, '');
      const requests = await write(() => {
        const { parent, rows } = list();
        rows.addToStore(unsaved, parent);
        const added = [...list().rows].find((row) => row.id === unsaved.id) as NamedRow;
        added.name = `Added ${table}`;
      });
      const savedId = `${table === 'lists' ? 'lists:' : ''}${table}-`;
      expect(requests).toEqual([`POST /api/${table}/add`, `POST /api/${table}`]);
      const after = ids(list().rows);
      expect(after.slice(0, -1)).toEqual(before);
      expect(after.at(-1)).toMatch(new RegExp(`^${savedId}\\d+$`));
      expect([...list().rows].at(-1)?.name).toBe(`Added ${table}`);
    });
  });
});
