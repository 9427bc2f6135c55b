import {
  ApplicationRef,
  InjectionToken,
  provideZonelessChangeDetection,
  Signal,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { EntityState } from '@ngrx/entity';
import {
  createSmartSignal,
  EffectService,
  getTopChildRows,
  PartialArrayDefinition,
  provideSmartFeatureSignalEntities,
  provideSmartNgRX,
  RowProxyDelete,
  SmartArray,
  SmartEntityDefinition,
  SmartNgRXRowBase,
  smartErrorHandlerToken,
} from '@smarttools/smart-signals';
import { concat, defer, ignoreElements, Observable, of, Subject, throwError } from 'rxjs';

/**
 * A SmartNgRX store of its own, with no code of this app: a `root` row (the initial row) lists
 * `parents` in a plain array; each parent lists its `children` in a virtual array (first page in
 * the row, further pages through `loadByIndexes`). Each entity's effect service is a
 * {@link FakeEffects} over rows in memory, which answers at once and can be told to refuse a call.
 */

export const FEATURE = 'quirks';

export interface NamedRow extends SmartNgRXRowBase {
  name: string;
}

export interface RootRow extends NamedRow {
  parents: string[];
}

export interface ParentRow extends NamedRow {
  children: PartialArrayDefinition;
}

export type ChildRow = NamedRow;

/** A row as SmartNgRX hands it out: assigning `name` saves it, `delete()` deletes it. */
export type LiveRow<Row extends NamedRow> = Row & RowProxyDelete;

/** A SmartNgRX child array: reading an index (or iterating) loads what is missing. */
export type LiveArray<Parent extends object, Child extends NamedRow> = SmartArray<Parent, Child> &
  Iterable<LiveRow<Child>>;

export interface LiveParent extends LiveRow<NamedRow> {
  readonly children: LiveArray<LiveParent, ChildRow>;
}

/** A copy, as a server's answer would be (jsdom has no `structuredClone`). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type Method = 'loadByIds' | 'loadByIndexes' | 'update' | 'add' | 'delete';

/**
 * An effect service over rows in memory, as a server would answer: loads, renames (only `name`
 * is taken from the row sent), adds (under ids `<entity>-1`, …) and deletes. `calls` lists every
 * call as it is made, e.g. `loadByIds c1,c2`.
 */
export class FakeEffects<Row extends NamedRow> extends EffectService<Row> {
  readonly calls: string[] = [];
  /** Each parent's full child list, for `loadByIndexes`. */
  readonly childLists = new Map<string, string[]>();
  private readonly refusals = new Map<Method, Error>();
  private readonly holds = new Map<Method, Subject<void>>();
  private added = 0;

  constructor(
    private readonly entity: string,
    readonly rows: Map<string, Row>,
    private readonly blank: (id: string, name: string) => Row,
  ) {
    super();
  }

  /** The next call of `method` fails with this error. */
  refuseNext(method: Method, error = new Error(`${this.entity}.${method} refused`)): Error {
    this.refusals.set(method, error);
    return error;
  }

  /**
   * The next call of `method` reads its answer at once (as a server reads its rows) but sends it
   * only when the returned function is called.
   */
  holdNext(method: Method): () => void {
    const release = new Subject<void>();
    this.holds.set(method, release);
    return () => {
      release.next();
      release.complete();
    };
  }

  override loadByIds(ids: string[]): Observable<Row[]> {
    return this.answer('loadByIds', ids.join(','), () =>
      ids.flatMap((id) => {
        const row = this.rows.get(id);
        return row ? [clone(row)] : [];
      }),
    );
  }

  override loadByIndexes(
    parentId: string,
    _childField: string,
    startIndex: number,
    length: number,
  ): Observable<PartialArrayDefinition> {
    return this.answer('loadByIndexes', `${parentId} ${startIndex}+${length}`, () => {
      const all = this.childLists.get(parentId) ?? [];
      return {
        startIndex,
        length: all.length,
        indexes: all.slice(startIndex, startIndex + length),
      };
    });
  }

  override update(row: Row): Observable<Row[]> {
    return this.answer('update', row.id, () => {
      const saved = { ...(this.rows.get(row.id) as Row), name: row.name };
      this.rows.set(row.id, saved);
      return [clone(saved)];
    });
  }

  override add(row: Row): Observable<Row[]> {
    return this.answer('add', row.name, () => {
      const saved = this.blank(`${this.entity}-${++this.added}`, row.name);
      this.rows.set(saved.id, saved);
      return [clone(saved)];
    });
  }

  override delete(id: string): Observable<void> {
    return this.answer('delete', id, () => {
      this.rows.delete(id);
    });
  }

  private answer<T>(method: Method, args: string, result: () => T): Observable<T> {
    return defer(() => {
      this.calls.push(`${method} ${args}`);
      const error = this.refusals.get(method);
      if (error !== undefined) {
        this.refusals.delete(method);
        return throwError(() => error);
      }
      const answer = of(result());
      const hold = this.holds.get(method);
      if (hold === undefined) {
        return answer;
      }
      this.holds.delete(method);
      return concat(hold.pipe(ignoreElements()), answer);
    });
  }
}

/** Lets SmartNgRX's buffers, promises, debounces and 0 ms timers run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Parents to put on the fake server: each parent's child ids, and how many of them its row
 * carries as the first page of its virtual array (all unless `firstPage` says otherwise).
 */
export type Seed = Record<string, { readonly children: string[]; readonly firstPage?: number }>;

function childOf(
  parentEntity: string,
  parentField: string,
  childEntity: string,
  childSelector: unknown,
) {
  return {
    parentFeature: FEATURE,
    parentEntity,
    parentField,
    childFeature: FEATURE,
    childEntity,
    childSelector,
  } as never;
}

/** The fake effect service of each entity. */
export interface FakeServers {
  readonly root: FakeEffects<RootRow>;
  readonly parents: FakeEffects<ParentRow>;
  readonly children: FakeEffects<ChildRow>;
}

/**
 * Boots an Angular application (zoneless) holding only SmartNgRX, the three entities and their
 * fake effect services, with a spy as `smartErrorHandlerToken`. SmartNgRX's registries are
 * global, so a spec file makes one store (Jest gives each file fresh modules). `prepare` runs
 * before the store first shows (and so loads) every row.
 */
export async function createQuirkStore(seed: Seed, prepare?: (server: FakeServers) => void) {
  const root = new FakeEffects<RootRow>('root', new Map(), (id, name) => ({
    id,
    name,
    parents: [],
  }));
  const parents = new FakeEffects<ParentRow>('parents', new Map(), (id, name) => ({
    id,
    name,
    children: { startIndex: 0, length: 0, indexes: [] },
  }));
  const children = new FakeEffects<ChildRow>('children', new Map(), (id, name) => ({ id, name }));
  const server: FakeServers = { root, parents, children };
  root.rows.set('1', { id: '1', name: 'root', parents: Object.keys(seed) });
  for (const [parentId, { children: childIds, firstPage }] of Object.entries(seed)) {
    const indexes = childIds.slice(0, firstPage ?? childIds.length);
    parents.rows.set(parentId, {
      id: parentId,
      name: `parent ${parentId}`,
      children: { startIndex: 0, length: childIds.length, indexes },
    });
    parents.childLists.set(parentId, childIds);
    for (const childId of childIds) {
      children.rows.set(childId, { id: childId, name: `child ${childId}` });
    }
  }

  const tokens = {
    root: new InjectionToken<FakeEffects<RootRow>>('RootEffects'),
    parents: new InjectionToken<FakeEffects<ParentRow>>('ParentEffects'),
    children: new InjectionToken<FakeEffects<ChildRow>>('ChildEffects'),
  };
  const definitions: SmartEntityDefinition<NamedRow>[] = [
    {
      entityName: 'root',
      effectServiceToken: tokens.root,
      isInitialRow: true,
      defaultRow: (id) => ({ id, name: '', parents: [] }) as RootRow,
    },
    {
      entityName: 'parents',
      effectServiceToken: tokens.parents,
      defaultRow: (id) =>
        ({ id, name: '', children: { startIndex: 0, length: 0, indexes: [] } }) as ParentRow,
    },
    {
      entityName: 'children',
      effectServiceToken: tokens.children,
      defaultRow: (id) => ({ id, name: '' }),
    },
  ] as SmartEntityDefinition<NamedRow>[];
  const handleError = jest.fn();
  const app: ApplicationRef = await createApplication({
    providers: [
      provideZonelessChangeDetection(),
      provideSmartNgRX(),
      { provide: tokens.root, useValue: root },
      { provide: tokens.parents, useValue: parents },
      { provide: tokens.children, useValue: children },
      { provide: smartErrorHandlerToken, useValue: { handleError } },
      provideSmartFeatureSignalEntities(FEATURE, definitions),
    ],
  });

  const stored = {
    root: createSmartSignal<RootRow>(FEATURE, 'root'),
    parents: createSmartSignal<ParentRow>(FEATURE, 'parents'),
    children: createSmartSignal<ChildRow>(FEATURE, 'children'),
  };
  const parentSignal = createSmartSignal<ParentRow, ChildRow>(stored.parents, [
    childOf('parents', 'children', 'children', stored.children),
  ]);
  const rootSignal = createSmartSignal<RootRow, ParentRow>(stored.root, [
    childOf('root', 'parents', 'parents', parentSignal),
  ]);
  const parentRows = getTopChildRows<RootRow, ParentRow>(
    rootSignal,
    'parents',
  ) as unknown as Signal<LiveArray<RootRow, LiveParent>>;

  /** The parents, as a screen reads them: row proxies, loading what is missing. */
  const parentList = () => parentRows();
  const parent = (id: string) => [...parentList()].find((row) => row.id === id) as LiveParent;
  const ids = (rows: Iterable<{ id: string }>) => [...rows].map((row) => row.id);
  const rootRow = () => stored.root().entities['1'] as RootRow;

  /** Reads every row as a screen would, until everything read has loaded. */
  async function show(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      for (const row of parentList()) {
        if (row.isLoading !== true) {
          ids(row.children);
        }
      }
      await settle();
    }
  }

  prepare?.(server);
  await show();
  return {
    app,
    server,
    handleError,
    /** Each table's rows as the store holds them (child fields as stored, not wrapped). */
    stored: stored as {
      readonly root: Signal<EntityState<RootRow>>;
      readonly parents: Signal<EntityState<ParentRow>>;
      readonly children: Signal<EntityState<ChildRow>>;
    },
    parentList,
    parent,
    rootRow,
    ids,
    show,
  };
}

export type QuirkStore = Awaited<ReturnType<typeof createQuirkStore>>;

/** A SmartNgRX behaviour this app works around, and where. */
export interface Quirk {
  /** What SmartNgRX does, e.g. `a refused update's rollback never reaching smartErrorHandlerToken`. */
  readonly name: string;
  /** The workaround's file, from the repository root. */
  readonly workaround: string;
  /** What to do instead of removing it, when there is nothing to remove. */
  readonly then?: string;
}

/**
 * Runs the expectations that pin a quirk; when they fail (an upgrade fixed it), the failure says
 * which quirk and which workaround to remove, above Jest's own message.
 */
export function expectQuirk(quirk: Quirk, expectations: () => void): void {
  try {
    expectations();
  } catch (error) {
    const then = quirk.then ?? `remove the workaround in ${quirk.workaround}`;
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`SmartNgRX fixed ${quirk.name}: ${then}\n\n${cause}`);
  }
}
