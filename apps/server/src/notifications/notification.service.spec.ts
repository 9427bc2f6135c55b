import type { SocketNotification } from '@smart-sync/shared-types';
import type { NotificationGateway } from './notification.gateway';
import { NotificationService } from './notification.service';

interface Sent {
  notification: SocketNotification;
  rooms: string[];
  except?: string;
}

describe('NotificationService', () => {
  let sent: Sent[];
  let service: NotificationService;
  const nextTick = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    sent = [];
    const gateway: Pick<NotificationGateway, 'deliver'> = {
      deliver: (notification, rooms, except) => sent.push({ notification, rooms, except }),
    };
    service = new NotificationService(gateway as NotificationGateway);
  });

  it('sends nothing before the tick ends, then one message per action and table', async () => {
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    service.record({ kind: 'create', table: 'docs', id: 'n', parentId: 'dep' });
    service.record({ kind: 'update', table: 'docs', id: 'b' });
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    service.record({ kind: 'delete', table: 'lists', id: 'l', parentId: 'dep', cascade: [] });
    expect(sent).toEqual([]);
    await nextTick();
    expect(sent).toEqual([
      {
        notification: { action: 'update', table: 'docs', ids: ['a', 'b'] },
        rooms: ['docs:a', 'docs:b'],
        except: undefined,
      },
      {
        notification: { action: 'update', table: 'departments', ids: ['dep'] },
        rooms: ['departments:dep'],
        except: undefined,
      },
      {
        notification: { action: 'delete', table: 'lists', ids: ['l'] },
        rooms: ['lists:l', 'departments:dep'],
        except: undefined,
      },
    ]);
  });

  it('keeps changes of different ticks apart', async () => {
    service.record({ kind: 'update', table: 'docs', id: 'a' });
    await nextTick();
    service.record({ kind: 'update', table: 'docs', id: 'b' });
    await nextTick();
    expect(sent.map((s) => s.notification.ids)).toEqual([['a'], ['b']]);
  });

  it('keeps an update and a delete of the same table apart', async () => {
    service.record({ kind: 'update', table: 'folders', id: 'a' });
    service.record({ kind: 'delete', table: 'folders', id: 'a', parentId: 'd', cascade: [] });
    await nextTick();
    expect(sent.map((s) => s.notification.action)).toEqual(['update', 'delete']);
  });
});
