import { TestBed } from '@angular/core/testing';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { ActivityLog } from '../activity/activity-log';
import { LoadsInFlight } from './loads-in-flight';
import { NotificationDispatch } from './notification-dispatch';

jest.mock('@smarttools/smart-signals', () => ({ handleSocketNotification: jest.fn() }));

describe('NotificationDispatch', () => {
  let dispatch: NotificationDispatch;
  let log: ActivityLog;
  let warn: jest.SpyInstance;
  let changedMeanwhile: jest.Mock;
  let allChangedMeanwhile: jest.Mock;

  beforeEach(() => {
    jest.mocked(handleSocketNotification).mockReset();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    changedMeanwhile = jest.fn();
    allChangedMeanwhile = jest.fn();
    TestBed.configureTestingModule({
      providers: [{ provide: LoadsInFlight, useValue: { changedMeanwhile, allChangedMeanwhile } }],
    });
    dispatch = TestBed.inject(NotificationDispatch);
    log = TestBed.inject(ActivityLog);
  });

  afterEach(() => warn.mockRestore());

  it('translates a valid message and hands it to SmartNgRX', () => {
    dispatch.receive({ action: 'update', table: 'sprintFolders', ids: ['a', 'b'] });
    expect(handleSocketNotification).toHaveBeenCalledWith('departmentChildren', 'update', [
      'sprint-folders:a',
      'sprint-folders:b',
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('tells the loads on their way which rows an update changed (server table and ids)', () => {
    dispatch.receive({ action: 'update', table: 'sprintFolders', ids: ['a'] });
    expect(changedMeanwhile).toHaveBeenCalledWith('sprintFolders', ['a']);
    dispatch.receive({ action: 'delete', table: 'docs', ids: ['b'] });
    expect(changedMeanwhile).toHaveBeenCalledTimes(1);
  });

  it('tells the loads on their way that a delete changed every child list of its parent table', () => {
    dispatch.receive({ action: 'delete', table: 'sprintFolders', ids: ['a'] });
    dispatch.receive({ action: 'delete', table: 'locations', ids: ['l1'] });
    expect(allChangedMeanwhile.mock.calls).toEqual([['departments'], ['top']]);
  });

  it('passes tables the client shares with the server through unchanged', () => {
    dispatch.receive({ action: 'delete', table: 'departments', ids: ['d1'] });
    expect(handleSocketNotification).toHaveBeenCalledWith('departments', 'delete', ['d1']);
  });

  it.each([
    ['an unknown table', { action: 'update', table: 'departmentChildren', ids: ['1'] }],
    ['a create action', { action: 'create', table: 'docs', ids: ['1'] }],
    ['no ids', { action: 'update', table: 'docs', ids: [] }],
    ['a string', 'update docs 1'],
    ['null', null],
  ])('drops %s with a console warning', (_label, message) => {
    dispatch.receive(message);
    expect(handleSocketNotification).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Dropped an invalid socket message'),
      message,
    );
  });

  it('logs each message, newest first, raw and translated, or why it was dropped', () => {
    dispatch.receive({ action: 'update', table: 'docs', ids: ['1'] });
    dispatch.receive({ action: 'explode', table: 'docs', ids: ['1'] });
    const [dropped, applied] = log.entries();
    expect(applied.raw).toBe('{"action":"update","table":"docs","ids":["1"]}');
    expect(applied.translated).toEqual({
      action: 'update',
      table: 'departmentChildren',
      ids: ['docs:1'],
    });
    expect(applied.time).toBeInstanceOf(Date);
    expect(dropped.translated).toBeUndefined();
    expect(dropped.problem).toContain('action');
  });

  it('keeps going when SmartNgRX cannot apply a message', () => {
    jest.mocked(handleSocketNotification).mockImplementationOnce(() => {
      throw new Error('Child definition not found');
    });
    dispatch.receive({ action: 'delete', table: 'docs', ids: ['1'] });
    dispatch.receive({ action: 'delete', table: 'docs', ids: ['2'] });
    expect(handleSocketNotification).toHaveBeenLastCalledWith('departmentChildren', 'delete', [
      'docs:2',
    ]);
  });
});
