import {
  locationIdOf,
  locationPath,
  selectLocationId,
  whereUnderLocations,
} from './location-scope';

describe('location scope', () => {
  it('follows the parent chain from each table to its location', () => {
    expect(locationPath('locations')).toEqual(['id']);
    expect(locationPath('departments')).toEqual(['locationId']);
    expect(locationPath('docs')).toEqual(['department', 'locationId']);
    expect(locationPath('sprintFolders')).toEqual(['department', 'locationId']);
  });

  it('builds one where-clause for the rows under some locations', () => {
    expect(whereUnderLocations('locations', ['a', 'b'])).toEqual({ id: { in: ['a', 'b'] } });
    expect(whereUnderLocations('departments', ['a'])).toEqual({ locationId: { in: ['a'] } });
    expect(whereUnderLocations('lists', [])).toEqual({ department: { locationId: { in: [] } } });
  });

  it('selects and reads the location id of a row', () => {
    expect(selectLocationId('locations')).toEqual({ id: true });
    expect(selectLocationId('departments')).toEqual({ locationId: true });
    expect(selectLocationId('folders')).toEqual({ department: { select: { locationId: true } } });
    expect(locationIdOf('folders', { department: { locationId: 'L' } })).toBe('L');
    expect(locationIdOf('locations', { id: 'L' })).toBe('L');
    expect(() => locationIdOf('docs', { department: {} })).toThrow(/no location id/);
  });
});
