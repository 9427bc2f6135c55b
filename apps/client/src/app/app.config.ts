import { provideHttpClient, withInterceptors, withNoXsrfProtection } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { provideAuth } from './auth/auth';
import { authInterceptor } from './auth/auth-interceptor';
import { provideEntities } from './entities/provide-entities';
import { SnackbarErrorHandler } from './errors/snackbar-error-handler';
import { pageRowsInterceptor } from './page/page-rows-interceptor';
import { provideLiveUpdates } from './socket/live-updates';
import { loadsInFlightInterceptor } from './socket/loads-in-flight';
import { socketIdInterceptor } from './socket/socket-id-interceptor';
import { firstScreenInterceptor, provideFirstScreenPreload } from './tree/first-screen-preload';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(
      withInterceptors([
        authInterceptor,
        socketIdInterceptor,
        firstScreenInterceptor,
        loadsInFlightInterceptor,
        pageRowsInterceptor,
      ]),
      // The server refuses cross-origin writes by their Origin (no XSRF cookie to echo).
      withNoXsrfProtection(),
    ),
    provideEntities(),
    { provide: smartErrorHandlerToken, useClass: SnackbarErrorHandler },
    provideAuth(),
    provideLiveUpdates(),
    provideFirstScreenPreload(),
  ],
};
