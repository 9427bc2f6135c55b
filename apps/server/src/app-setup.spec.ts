import type { NetworkInterfaceInfo } from 'node:os';
import { listenHost } from './app-setup';

const address = (family: 'IPv4' | 'IPv6') => ({ family }) as NetworkInterfaceInfo;

describe('listenHost', () => {
  it('is every IPv6 and IPv4 address where the machine has IPv6', () => {
    expect(listenHost({ lo: [address('IPv4'), address('IPv6')] })).toBe('::');
  });

  it('is every IPv4 address on a machine without IPv6', () => {
    expect(listenHost({ lo: [address('IPv4')], eth0: [address('IPv4')] })).toBe('0.0.0.0');
  });
});
