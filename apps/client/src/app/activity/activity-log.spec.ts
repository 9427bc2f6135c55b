import { TestBed } from '@angular/core/testing';
import { ACTIVITY_LIMIT, ActivityLog } from './activity-log';

describe('ActivityLog', () => {
  it(`keeps the latest ${ACTIVITY_LIMIT} messages, newest first`, () => {
    const log = TestBed.inject(ActivityLog);
    for (let i = 0; i < ACTIVITY_LIMIT + 5; i++) {
      log.record({ time: new Date(), raw: `${i}` });
    }
    expect(log.entries()).toHaveLength(ACTIVITY_LIMIT);
    expect(log.entries()[0].raw).toBe(`${ACTIVITY_LIMIT + 4}`);
    expect(log.entries().at(-1)?.raw).toBe('5');
  });
});
