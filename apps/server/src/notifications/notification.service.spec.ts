import type { SocketNotification } from '@smart-sync/shared-types';
import type { NotificationGateway } from './notification.gateway';
import { NotificationService } from './notification.service';

describe('NotificationService', () => {
  let sent: SocketNotification[];
  let service: NotificationService;
  const nextTick = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    sent = [];
    const gateway = { broadcast: (n: SocketNotification) => sent.push(n) };
    service = new NotificationService(gateway as unknown as NotificationGateway);
  });

  it('sends nothing before the tick ends, then one message per action and table', async () => {
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    service.record({ kind: 'create', table: 'docs', id: 'n', parentId: 'dep' });
    service.record({ kind: 'update', table: 'docs', id: 'b' });
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    service.record({ kind: 'delete', table: 'lists', id: 'l', cascade: [] });
    expect(sent).toEqual([]);
    await nextTick();
    expect(sent).toEqual([
      { action: 'update', table: 'docs', ids: ['a', 'b'] },
      { action: 'update', table: 'departments', ids: ['dep'] },
      { action: 'delete', table: 'lists', ids: ['l'] },
    ]);
  });

  it('keeps changes of different ticks apart', async () => {
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    await nextTick();
    service.record({ kind: 'update', table: 'docs', id: 'b' });
    await nextTick();
    expect(sent).toEqual([
      { action: 'update', table: 'docs', ids: ['a'] },
      { action: 'update', table: 'docs', ids: ['b'] },
    ]);
  });

  it('keeps an update and a delete of the same table apart', async () => {
    service.record({ kind: 'update', table: 'folders', id: 'a' });
    service.record({ kind: 'delete', table: 'folders', id: 'a', cascade: [] });
    await nextTick();
    expect(sent.map((n) => n.action)).toEqual(['update', 'delete']);
  });
});
