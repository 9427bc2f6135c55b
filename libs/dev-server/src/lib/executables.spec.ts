import { findExecutable, missingExecutable } from './executables';

describe('findExecutable', () => {
  afterEach(() => delete process.env['DEV_SERVER_SPEC_BIN']);

  it('finds a program on PATH', () => {
    expect(findExecutable('sh', 'DEV_SERVER_SPEC_BIN')).toMatch(/\/sh$/);
    expect(findExecutable('no-such-program-here', 'DEV_SERVER_SPEC_BIN')).toBeUndefined();
  });

  it('takes the variable when set, and only if it names an executable', () => {
    process.env['DEV_SERVER_SPEC_BIN'] = process.execPath;
    expect(findExecutable('nginx', 'DEV_SERVER_SPEC_BIN')).toBe(process.execPath);
    process.env['DEV_SERVER_SPEC_BIN'] = '/nonexistent/nginx';
    expect(findExecutable('nginx', 'DEV_SERVER_SPEC_BIN')).toBeUndefined();
    expect(missingExecutable('nginx', 'DEV_SERVER_SPEC_BIN')).toBe(
      'DEV_SERVER_SPEC_BIN=/nonexistent/nginx is not an executable: install it with `apt-get install -y nginx` (as root), or set DEV_SERVER_SPEC_BIN to its path.',
    );
  });
});
