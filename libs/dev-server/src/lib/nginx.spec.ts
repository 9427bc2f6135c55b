import { readFileSync } from 'node:fs';
import { NGINX_TEMPLATE, renderNginxConfig } from './nginx';

describe('renderNginxConfig', () => {
  const template = readFileSync(NGINX_TEMPLATE, 'utf8');
  const config = renderNginxConfig(template, {
    listenPort: 8080,
    upstreams: ['127.0.0.1:3001', '127.0.0.1:3002'],
  });
  const directives = config
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

  it('listens on the port and spreads over every instance, sticky by client address', () => {
    expect(directives).toContain('listen 8080;');
    expect(directives).toContain('server 127.0.0.1:3001 max_fails=1 fail_timeout=10s;');
    expect(directives).toContain('server 127.0.0.1:3002 max_fails=1 fail_timeout=10s;');
    expect(directives).toContain('hash $remote_addr consistent;');
    expect(directives).not.toMatch(/\$\{[A-Z_]+\}/);
  });

  it('passes WebSocket upgrades on, with the Host the browser used', () => {
    expect(directives).toContain('proxy_http_version 1.1;');
    expect(directives).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(directives).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(directives).toContain('proxy_set_header Host $http_host;');
    expect(directives).toMatch(/location \/socket\.io\/ \{[^}]*proxy_read_timeout 1h;/);
  });

  it('keeps every path inside its prefix', () => {
    for (const line of directives.split('\n')) {
      if (/_path|_log|pid|include/.test(line)) expect(line).not.toMatch(/\s\//);
    }
  });

  it('keeps the placeholder names in the comments, for envsubst', () => {
    expect(config).toContain("envsubst '${LISTEN_PORT} ${UPSTREAM_SERVERS}'");
  });

  it('refuses a template with a placeholder nobody fills in, and no instances', () => {
    const values = { listenPort: 1, upstreams: ['127.0.0.1:2'] };
    expect(() => renderNginxConfig('listen ${LISTEN_PORT}; root ${ROOT};', values)).toThrow(
      'placeholder left: listen 1; root ${ROOT};',
    );
    expect(() => renderNginxConfig(template, { listenPort: 1, upstreams: [] })).toThrow(
      'at least one upstream',
    );
  });
});
