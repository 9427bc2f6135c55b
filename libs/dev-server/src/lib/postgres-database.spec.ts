import { describePostgresUrl, postgresDatabaseName } from './postgres-database';

describe('postgresDatabaseName', () => {
  it('is the path of the URL', () => {
    expect(postgresDatabaseName('postgresql://postgres@127.0.0.1:5432/smart_sync')).toBe(
      'smart_sync',
    );
    expect(postgresDatabaseName('postgresql://u@h/with%20space?sslmode=disable')).toBe(
      'with space',
    );
  });

  it('refuses a URL without one', () => {
    expect(() => postgresDatabaseName('postgresql://postgres@127.0.0.1:5432')).toThrow(
      'names no database',
    );
  });
});

describe('describePostgresUrl', () => {
  it('hides the password', () => {
    expect(describePostgresUrl('postgresql://app:secret@db:5432/smart_sync')).toBe(
      'postgresql://app:***@db:5432/smart_sync',
    );
  });
});
