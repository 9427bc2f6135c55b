import { signal } from '@angular/core';
import { EntitySignals } from '../entities/entity-signals';

/** Test double for the SmartNgRX signal chain: plain rows in signals, with spies for edits. */
export interface FakeRow {
  id: string;
  name: string;
  isLoading?: boolean;
  delete: jest.Mock;
}

/** A SmartNgRX child array: rows, plus spies for adding and removing unsaved rows. */
export type FakeList<Row> = Row[] & { addToStore: jest.Mock; removeFromStore: jest.Mock };

export type FakeChildren = FakeList<FakeRow>;

export function fakeList<Row>(rows: Row[]): FakeList<Row> {
  return Object.assign(rows, { addToStore: jest.fn(), removeFromStore: jest.fn() });
}

export function fakeRow(id: string, name = id): FakeRow {
  return { id, name, delete: jest.fn() };
}

export function fakeDepartment(
  id: string,
  childNames: string[] = [],
): FakeRow & { children: FakeChildren } {
  const children = fakeList(childNames.map((name, index) => fakeRow(`docs:${id}-${index}`, name)));
  return { ...fakeRow(id), children };
}

export function fakeLocation(id: string, departments: ReturnType<typeof fakeDepartment>[] = []) {
  return { ...fakeRow(id), departments: fakeList(departments) };
}

export function fakeEntities() {
  const locationRows = signal<FakeList<ReturnType<typeof fakeLocation>>>(fakeList([]));
  const locationsKnown = signal(false);
  const entities = {
    locationRows,
    locationsKnown,
    reload: jest.fn(),
    reloadAll: jest.fn(),
  };
  return {
    entities,
    provider: { provide: EntitySignals, useValue: entities },
    /** Publishes locations as SmartNgRX would once `top` and the locations have loaded. */
    load(...locations: ReturnType<typeof fakeLocation>[]) {
      locationRows.set(fakeList(locations));
      locationsKnown.set(true);
    },
  };
}
