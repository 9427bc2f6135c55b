import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Security headers on every response (helmet, as a Fastify plugin). The Content-Security-Policy
 * lets the page run only its own scripts (no inline script, no eval), talk only to its own origin
 * (HTTP and the socket), and never be framed. Inline styles stay allowed: Angular and Material
 * add style elements at run time. No `upgrade-insecure-requests`: the embedded server speaks
 * plain HTTP on localhost.
 */
export function securityHeaders(): [typeof helmet, FastifyHelmetOptions] {
  const options: FastifyHelmetOptions = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  };
  return [helmet, options];
}
