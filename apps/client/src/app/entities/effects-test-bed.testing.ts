import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';

/** An effect service on a mocked backend, with a spy for what it reports to SmartNgRX's error handler. */
export function effectsTestBed<Effects>(effectsClass: Type<Effects>) {
  const handleError = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      effectsClass,
      { provide: smartErrorHandlerToken, useValue: { handleError } },
    ],
  });
  return {
    effects: TestBed.inject(effectsClass),
    http: TestBed.inject(HttpTestingController),
    handleError,
  };
}
