import type { Request } from 'express';
import { routeOf, UNMATCHED_ROUTE } from './route-template';

describe('routeOf', () => {
  it('is the matched route template, under its router', () => {
    expect(routeOf({ baseUrl: '', route: { path: '/api/:table' } } as Request)).toBe('/api/:table');
    expect(routeOf({ baseUrl: '/api', route: { path: '/:table/:id' } } as Request)).toBe(
      '/api/:table/:id',
    );
  });

  it('is "unmatched" without a route', () => {
    expect(routeOf({ baseUrl: '' } as Request)).toBe(UNMATCHED_ROUTE);
  });
});
