import { TestBed } from '@angular/core/testing';
import { SubscribedRows } from './subscribed-rows';

describe('SubscribedRows', () => {
  let subscribed: SubscribedRows;

  beforeEach(() => (subscribed = TestBed.inject(SubscribedRows)));

  it('counts each loaded row once, by table and id, however often it is loaded', () => {
    expect(subscribed.count()).toBe(0);
    subscribed.loaded('top', ['1']);
    subscribed.loaded('docs', ['1', '2']);
    subscribed.loaded('docs', ['2', '3']);
    expect(subscribed.count()).toBe(4);
  });

  it('takes released rows off, and ignores rows it did not count', () => {
    subscribed.loaded('docs', ['1', '2']);
    subscribed.loaded('lists', ['1']);
    subscribed.released({ table: 'docs', ids: ['1', '9'] });
    expect(subscribed.count()).toBe(2);
    subscribed.released({ table: 'lists', ids: ['1'] });
    expect(subscribed.count()).toBe(1);
  });

  it('starts again from none for a new socket', () => {
    subscribed.loaded('locations', ['l1', 'l2']);
    subscribed.reset();
    expect(subscribed.count()).toBe(0);
    subscribed.loaded('locations', ['l1']);
    expect(subscribed.count()).toBe(1);
  });
});
