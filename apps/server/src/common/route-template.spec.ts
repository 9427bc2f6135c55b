import type { FastifyRequest } from 'fastify';
import { routeOf, UNMATCHED_ROUTE } from './route-template';

const requestTo = (routeOptions: object) =>
  ({ routeOptions }) as Pick<FastifyRequest, 'routeOptions'>;

describe('routeOf', () => {
  it('is the matched route template', () => {
    expect(routeOf(requestTo({ url: '/api/:table', config: {} }))).toBe('/api/:table');
    expect(routeOf(requestTo({ url: '/api/auth/me', config: {} }))).toBe('/api/auth/me');
  });

  it('is "unmatched" without a route, and for the client app\'s files and pages', () => {
    expect(routeOf(requestTo({ config: {} }))).toBe(UNMATCHED_ROUTE);
    expect(routeOf(requestTo({ url: '/main-ABCDEFGH.js', config: { clientApp: true } }))).toBe(
      UNMATCHED_ROUTE,
    );
  });
});
