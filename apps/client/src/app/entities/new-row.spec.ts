import { isPlaceholderId } from './new-row-id';
import { newRow } from './new-row';

describe('newRow', () => {
  it('makes an unsaved location with an empty department list', () => {
    const row = newRow('locations', 'New location');
    expect(row).toEqual(
      expect.objectContaining({ name: 'New location', version: 0, departments: [] }),
    );
    expect(isPlaceholderId(row.id)).toBe(true);
    expect(row.id).not.toContain(':');
  });

  it('makes an unsaved department with an empty virtual array of children', () => {
    const row = newRow('departments', 'New department');
    expect(row).toEqual(
      expect.objectContaining({
        name: 'New department',
        children: { startIndex: 0, length: 0, indexes: [] },
      }),
    );
    expect(isPlaceholderId(row.id)).toBe(true);
  });

  it('makes an unsaved department child whose id names its server table', () => {
    const row = newRow('lists', 'New list');
    expect(row.id).toMatch(/^lists:new-/);
    expect(row).toEqual(expect.objectContaining({ name: 'New list', version: 0 }));
  });
});
