import { handleSocketNotification } from '@smarttools/smart-signals';
import { reloadRows } from './reload-rows';

jest.mock('@smarttools/smart-signals', () => ({ handleSocketNotification: jest.fn() }));

describe('reloadRows', () => {
  beforeEach(() => jest.mocked(handleSocketNotification).mockReset());

  it('has SmartNgRX refetch the rows the server knows', () => {
    reloadRows('departments', ['d1', 'new-lx3k2-1', 'index-5', 'd2']);
    expect(handleSocketNotification).toHaveBeenCalledWith('departments', 'update', ['d1', 'd2']);
  });

  it('does nothing when no row is known to the server', () => {
    reloadRows('departmentChildren', ['docs:new-lx3k2-1', 'indexNoOp-3']);
    reloadRows('top', []);
    expect(handleSocketNotification).not.toHaveBeenCalled();
  });
});
