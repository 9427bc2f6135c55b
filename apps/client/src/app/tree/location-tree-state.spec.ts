import { TestBed } from '@angular/core/testing';
import { SessionUser } from '@smart-sync/shared-types/mini';
import { fakeAuth, sessionUser } from '../auth/auth.testing';
import { fakeDepartment, fakeEntities, fakeLocation } from './fake-entities.testing';
import { LocationTreeState } from './location-tree-state';

describe('LocationTreeState', () => {
  function setup(user?: SessionUser) {
    const fake = fakeEntities();
    const auth = fakeAuth(user);
    TestBed.configureTestingModule({
      providers: [LocationTreeState, fake.provider, auth.provider],
    });
    return { fake, auth, state: TestBed.inject(LocationTreeState) };
  }

  it('shows skeleton rows until the locations are known', () => {
    const { fake, state } = setup();
    expect(state.nodes().length).toBeGreaterThan(0);
    expect(state.nodes().every((node) => node.loading)).toBe(true);
    fake.load(fakeLocation('paris', [fakeDepartment('sales')]));
    expect(state.nodes().map((node) => node.name)).toEqual(['sales']);
  });

  it('says the locations are loading until every location the top row lists has loaded', () => {
    const { fake, state } = setup();
    expect(state.locationsLoading()).toBe(true);
    const loading = { ...fakeLocation('later'), isLoading: true };
    fake.load(fakeLocation('paris'), loading);
    expect(state.locationsLoading()).toBe(true);
    fake.load(fakeLocation('paris'), fakeLocation('later'));
    expect(state.locationsLoading()).toBe(false);
  });

  it('offers the loaded locations and selects the first one by default', () => {
    const { fake, state } = setup();
    const loading = { ...fakeLocation('later'), isLoading: true };
    fake.load(fakeLocation('paris'), fakeLocation('berlin'), loading);
    expect(state.locationOptions()).toEqual([
      { id: 'paris', name: 'paris' },
      { id: 'berlin', name: 'berlin' },
    ]);
    expect(state.location()?.id).toBe('paris');
  });

  it('shows the chosen location’s departments, and falls back to the first when it disappears', () => {
    const { fake, state } = setup();
    const paris = fakeLocation('paris', [fakeDepartment('sales')]);
    const berlin = fakeLocation('berlin', [fakeDepartment('ops'), fakeDepartment('hr')]);
    fake.load(paris, berlin);
    state.choose('berlin');
    expect(state.nodes().map((node) => node.id)).toEqual(['ops', 'hr']);
    fake.load(paris);
    expect(state.location()?.id).toBe('paris');
    expect(state.nodes().map((node) => node.id)).toEqual(['sales']);
  });

  it('lists an expanded department’s children, reading only those in the rendered range', () => {
    const { fake, state } = setup();
    fake.load(fakeLocation('paris', [fakeDepartment('sales', ['Plan', 'Budget', 'Notes'])]));
    state.expand('sales');
    state.range.set({ start: 0, end: 3 });
    expect(state.nodes().map((node) => [node.level, node.name, node.loading])).toEqual([
      [1, 'sales', false],
      [2, 'Plan', false],
      [2, 'Budget', false],
      [2, '', true],
    ]);
    state.collapse('sales');
    expect(state.nodes()).toHaveLength(1);
  });

  it('says what the signed-in user may change in the selected location', () => {
    const bob = sessionUser('bob', { paris: 'editor', oslo: 'viewer' });
    const { fake, auth, state } = setup(bob);
    fake.load(fakeLocation('paris'), fakeLocation('oslo'));
    expect(state.rights()).toEqual({ edit: true, manageLocations: false });
    state.choose('oslo');
    expect(state.rights()).toEqual({ edit: false, manageLocations: false });
    auth.user.set(null);
    expect(state.rights()).toEqual({ edit: false, manageLocations: false });
  });
});
