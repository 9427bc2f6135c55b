import { computed, Injectable, Signal } from '@angular/core';
import { EntityState } from '@ngrx/entity';
import { TOP_ID } from '@smart-sync/shared-types/mini';
import { CLIENT_TABLES, ClientTable, DEPARTMENT_CHILDREN } from '@smart-sync/socket-translation';
import {
  createSmartSignal,
  getTopChildRows,
  RowProxyDelete,
  SmartArray,
  SmartNgRXRowBase,
} from '@smarttools/smart-signals';
import { FEATURE } from './feature';
import { reloadRows } from './reload-rows';
import { DepartmentChildRow, DepartmentRow, LocationRow, NamedRow, TopRow } from './rows';

/** A row as SmartNgRX hands it out: assigning `name` saves it, `delete()` deletes it. */
export type LiveRow<Row extends SmartNgRXRowBase> = Row & RowProxyDelete;

export type LiveDepartmentChild = LiveRow<DepartmentChildRow>;

/** A SmartNgRX child array: reading an index (or iterating) loads what is missing. */
export type LiveArray<Parent extends object, Child extends SmartNgRXRowBase> = SmartArray<
  Parent,
  Child
> &
  Iterable<Child>;

export interface LiveDepartment extends LiveRow<NamedRow> {
  /** A virtual array: only the pages and rows that are read get loaded. */
  readonly children: LiveArray<LiveDepartment, LiveDepartmentChild>;
}

export interface LiveLocation extends LiveRow<NamedRow> {
  readonly departments: LiveArray<LiveLocation, LiveDepartment>;
}

/** How a parent table's field lists rows of a child table (SmartNgRX's child definition). */
function childOf<Parent extends SmartNgRXRowBase, Child extends SmartNgRXRowBase>(
  parentEntity: string,
  parentField: keyof Parent & string,
  childEntity: string,
  childSelector: Signal<EntityState<Child>>,
) {
  return {
    parentFeature: FEATURE,
    parentEntity,
    parentField,
    childFeature: FEATURE,
    childEntity,
    childSelector,
  };
}

/**
 * The SmartNgRX signal chain top → locations → departments → departmentChildren. Reading a row
 * through it loads what is missing; the chain is created once, after the entities are registered.
 */
@Injectable({ providedIn: 'root' })
export class EntitySignals {
  /** Each table's rows as SmartNgRX stores them, before child arrays are wrapped. */
  private readonly stores = {
    top: createSmartSignal<TopRow>(FEATURE, 'top'),
    locations: createSmartSignal<LocationRow>(FEATURE, 'locations'),
    departments: createSmartSignal<DepartmentRow>(FEATURE, 'departments'),
    [DEPARTMENT_CHILDREN]: createSmartSignal<DepartmentChildRow>(FEATURE, DEPARTMENT_CHILDREN),
  } satisfies Record<ClientTable, Signal<EntityState<SmartNgRXRowBase>>>;

  private readonly departments = createSmartSignal<DepartmentRow, DepartmentChildRow>(
    this.stores.departments,
    [
      childOf<DepartmentRow, DepartmentChildRow>(
        'departments',
        'children',
        DEPARTMENT_CHILDREN,
        this.stores[DEPARTMENT_CHILDREN],
      ),
    ],
  );

  private readonly locations = createSmartSignal<LocationRow, DepartmentRow>(
    this.stores.locations,
    [
      childOf<LocationRow, DepartmentRow>(
        'locations',
        'departments',
        'departments',
        this.departments,
      ),
    ],
  );

  private readonly top = createSmartSignal<TopRow, LocationRow>(this.stores.top, [
    childOf<TopRow, LocationRow>('top', 'locations', 'locations', this.locations),
  ]);

  /**
   * The ids of the rows the store holds, per table. Each changes only when rows come or go (the
   * store keeps its id list when rows are only updated).
   */
  readonly ids = Object.fromEntries(
    CLIENT_TABLES.map((table) => [
      table,
      computed(() => this.stores[table]().ids as readonly string[]),
    ]),
  ) as Readonly<Record<ClientTable, Signal<readonly string[]>>>;

  /** True once the `top` row (the list of location ids) has arrived. */
  readonly locationsKnown = computed(() => {
    const row = this.top().entities[TOP_ID];
    return row !== undefined && row.isLoading !== true;
  });

  /**
   * Reloads these rows if the store holds them: recovers the truth after a local shortcut (a
   * discarded new row).
   */
  reload(table: ClientTable, ids: readonly string[]): void {
    reloadRows(table, ids);
  }

  /** Reloads every row in the store, e.g. after messages may have been missed while offline. */
  reloadAll(): void {
    for (const table of CLIENT_TABLES) {
      reloadRows(table, this.ids[table]());
    }
  }

  /** Every location, in creation order; reading one loads it. */
  readonly locationRows = getTopChildRows<TopRow, LocationRow>(
    this.top,
    'locations',
  ) as unknown as Signal<LiveArray<TopRow, LiveLocation>>;
}
