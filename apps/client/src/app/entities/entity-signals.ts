import { computed, Injectable, Signal } from '@angular/core';
import { EntityState } from '@ngrx/entity';
import { TOP_ID } from '@smart-sync/shared-types';
import { ClientTable, DEPARTMENT_CHILDREN } from '@smart-sync/socket-translation';
import {
  createSmartSignal,
  getTopChildRows,
  handleSocketNotification,
  RowProxyDelete,
  SmartArray,
  SmartNgRXRowBase,
} from '@smarttools/smart-signals';
import { FEATURE } from './feature';
import { isPlaceholderId } from './new-row-id';
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
  private readonly departmentChildren = createSmartSignal<DepartmentChildRow>(
    FEATURE,
    DEPARTMENT_CHILDREN,
  );

  private readonly departments = createSmartSignal<DepartmentRow, DepartmentChildRow>(
    createSmartSignal<DepartmentRow>(FEATURE, 'departments'),
    [
      childOf<DepartmentRow, DepartmentChildRow>(
        'departments',
        'children',
        DEPARTMENT_CHILDREN,
        this.departmentChildren,
      ),
    ],
  );

  private readonly locations = createSmartSignal<LocationRow, DepartmentRow>(
    createSmartSignal<LocationRow>(FEATURE, 'locations'),
    [
      childOf<LocationRow, DepartmentRow>(
        'locations',
        'departments',
        'departments',
        this.departments,
      ),
    ],
  );

  private readonly top = createSmartSignal<TopRow, LocationRow>(
    createSmartSignal<TopRow>(FEATURE, 'top'),
    [childOf<TopRow, LocationRow>('top', 'locations', 'locations', this.locations)],
  );

  /** True once the `top` row (the list of location ids) has arrived. */
  readonly locationsKnown = computed(() => {
    const row = this.top().entities[TOP_ID];
    return row !== undefined && row.isLoading !== true;
  });

  /**
   * Asks SmartNgRX to reload these rows if it holds them: the path a socket `update` takes.
   * Used to recover the truth after a local shortcut (a discarded new row) or a reconnect.
   */
  refresh(table: ClientTable, ids: readonly string[]): void {
    const known = ids.filter((id) => !isPlaceholderId(id));
    if (known.length > 0) {
      handleSocketNotification(table, 'update', known);
    }
  }

  /** Reloads every row in the store, e.g. after messages may have been missed while offline. */
  refreshAll(): void {
    this.refresh('top', this.top().ids as string[]);
    this.refresh('locations', this.locations().ids as string[]);
    this.refresh('departments', this.departments().ids as string[]);
    this.refresh(DEPARTMENT_CHILDREN, this.departmentChildren().ids as string[]);
  }

  /** Every location, in creation order; reading one loads it. */
  readonly locationRows = getTopChildRows<TopRow, LocationRow>(
    this.top,
    'locations',
  ) as unknown as Signal<LiveArray<TopRow, LiveLocation>>;
}
