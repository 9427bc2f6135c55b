import { TestBed } from '@angular/core/testing';
import { fakeDepartment, fakeEntities, fakeLocation } from './fake-entities.testing';
import { LocationTreeState } from './location-tree-state';
import { rowTarget } from './row-target';

describe('rowTarget', () => {
  function setup(...locations: ReturnType<typeof fakeLocation>[]) {
    const fake = fakeEntities();
    fake.load(...locations);
    TestBed.configureTestingModule({ providers: [LocationTreeState, fake.provider] });
    return TestBed.inject(LocationTreeState);
  }

  it('is the selected location, asking before deleting it with its departments', () => {
    const paris = fakeLocation('paris', [fakeDepartment('a'), fakeDepartment('b')]);
    const state = setup(paris);
    expect(rowTarget({ kind: 'location' }, state)).toEqual({
      id: 'paris',
      row: paris,
      question: { what: 'location', name: 'paris', cascade: '2 departments' },
    });
  });

  it('has nothing to ask for a location without departments, nor without a location', () => {
    expect(rowTarget({ kind: 'location' }, setup(fakeLocation('nice'))).question).toBeUndefined();
    TestBed.resetTestingModule();
    expect(rowTarget({ kind: 'location' }, setup())).toEqual({
      id: undefined,
      row: undefined,
      question: undefined,
    });
  });

  it('is a tree row with its position, asking only when it has children', () => {
    const sales = fakeDepartment('sales', ['Plan']);
    const state = setup(fakeLocation('paris', [sales, fakeDepartment('empty')]));
    state.expand('sales');
    state.range.set({ start: 0, end: 10 });
    const [department, child, empty] = state
      .nodes()
      .map((node) => rowTarget({ kind: 'node', node }, state));
    expect(department).toEqual({
      id: 'sales',
      row: sales,
      question: { what: 'department', name: 'sales', cascade: '1 child' },
      index: 0,
    });
    expect(child).toEqual({ id: sales.children[0].id, row: sales.children[0], index: 1 });
    expect(empty).toEqual(expect.objectContaining({ id: 'empty', question: undefined, index: 2 }));
  });
});
