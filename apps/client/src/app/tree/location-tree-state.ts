import { computed, inject, Injectable, signal } from '@angular/core';
import { PARENT_TABLE, TOP_ID } from '@smart-sync/shared-types/mini';
import { Auth } from '../auth/auth';
import { EntitySignals, LiveDepartment, LiveLocation } from '../entities/entity-signals';
import { NamedRow } from '../entities/rows';
import { flattenTree, RowRange } from './flatten-tree';
import { LocationOption } from './location-picker';
import { nodeKey } from './node-key';
import { TreeNodeView } from './tree-node-view';
import { treeRights } from './tree-rights';

const SKELETON_ROWS = 6;

/** A table that holds parents of new rows: `top` (of locations), locations, departments. */
export type ParentTable = (typeof PARENT_TABLE)[keyof typeof PARENT_TABLE];

/** A parent row and its SmartNgRX child array, which can hold rows not saved yet. */
export interface ChildList {
  readonly parent: { readonly id: string };
  readonly rows: {
    readonly length: number;
    addToStore?(row: NamedRow, parent: object): void;
    removeFromStore?(row: NamedRow, parent: object): void;
  };
}

function skeleton(index: number): TreeNodeView {
  return {
    key: nodeKey({ kind: 'skeleton', index }),
    id: '',
    level: 1,
    kind: undefined,
    name: '',
    loading: true,
    position: index + 1,
    siblings: SKELETON_ROWS,
    departmentId: '',
  };
}

/**
 * The screen's state: which location is selected, which departments are open, what is in view,
 * and what the signed-in user may change there.
 */
@Injectable()
export class LocationTreeState {
  private readonly entities = inject(EntitySignals);
  private readonly auth = inject(Auth);
  private readonly chosenId = signal<string | null>(null);

  readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** The flat positions the virtual scroller renders; only children there are read (and loaded). */
  readonly range = signal<RowRange>({ start: 0, end: 0 });

  /** Loaded locations, live. */
  readonly locations = computed<LiveLocation[]>(() =>
    [...this.entities.locationRows()].filter((location) => location.isLoading !== true),
  );

  /**
   * Until every location the top row lists has loaded: the select waits for them, as a select
   * without its options would ignore a click.
   */
  readonly locationsLoading = computed(
    () =>
      !this.entities.locationsKnown() ||
      this.locations().length < [...this.entities.locationRows()].length,
  );

  readonly locationOptions = computed<LocationOption[]>(() =>
    this.locations().map(({ id, name }) => ({ id, name })),
  );

  /** The chosen location, or the first one when none is chosen or the chosen one is gone. */
  readonly location = computed<LiveLocation | undefined>(() => {
    const locations = this.locations();
    return locations.find((location) => location.id === this.chosenId()) ?? locations[0];
  });

  /** What the signed-in user may change: the selected location and everything under it. */
  readonly rights = computed(() => treeRights(this.auth.user(), this.location()?.id));

  readonly departments = computed<LiveDepartment[]>(() => {
    const location = this.location();
    return location === undefined ? [] : [...location.departments];
  });

  readonly tree = computed(() => flattenTree(this.departments(), this.expanded(), this.range()));

  /** Skeleton rows until the locations and the selected location are known. */
  readonly nodes = computed<TreeNodeView[]>(() => {
    const known = this.entities.locationsKnown();
    const waiting =
      !known || (this.location() === undefined && this.entities.locationRows().length > 0);
    return waiting
      ? Array.from({ length: SKELETON_ROWS }, (_, index) => skeleton(index))
      : this.tree().nodes;
  });

  choose(locationId: string): void {
    this.chosenId.set(locationId);
  }

  /** Keeps a chosen new location chosen once the server has saved it under its own id. */
  followSaved(tempId: string, savedId: string): void {
    if (this.chosenId() === tempId) {
      this.chosenId.set(savedId);
    }
  }

  /** The child array of a loaded parent row, as it is now; undefined once the parent is gone. */
  childList(table: ParentTable, id: string): ChildList | undefined {
    if (table === 'top') {
      return id === TOP_ID ? { parent: { id }, rows: this.entities.locationRows() } : undefined;
    }
    if (table === 'locations') {
      const location = this.locations().find((row) => row.id === id);
      return location && { parent: location, rows: location.departments };
    }
    const department = this.tree().departments.get(id);
    return department && { parent: department, rows: department.children };
  }

  /** Shows a department's children. */
  expand(departmentId: string): void {
    if (!this.expanded().has(departmentId)) {
      this.expanded.update((expanded) => new Set(expanded).add(departmentId));
    }
  }

  /** Hides a department's children. */
  collapse(departmentId: string): void {
    if (this.expanded().has(departmentId)) {
      this.expanded.update((expanded) => {
        const next = new Set(expanded);
        next.delete(departmentId);
        return next;
      });
    }
  }
}
