import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  RequestMatch,
} from '@angular/common/http/testing';
import { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { AddOutcome, AddOutcomes } from './add-outcomes';

/** Answers a request with 404 Not Found; checks the effect fails with it and reports `message`. */
export type Refuse = (
  request: string | RequestMatch,
  result: Promise<unknown>,
  message: string,
) => Promise<void>;

/**
 * An effect service on a mocked backend, with a spy for what it reports to SmartNgRX's error
 * handler, the add outcomes it announces, and a way to refuse a request.
 */
function effectsTestBed<Effects>(effectsClass: Type<Effects>) {
  const handleError = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      effectsClass,
      { provide: smartErrorHandlerToken, useValue: { handleError } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const outcomes: AddOutcome[] = [];
  TestBed.inject(AddOutcomes).outcome.subscribe((outcome) => outcomes.push(outcome));
  const refuse: Refuse = async (request, result, message) => {
    http.expectOne(request).flush(null, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(handleError).toHaveBeenCalledWith(message, expect.any(HttpErrorResponse));
  };
  return { effects: TestBed.inject(effectsClass), http, handleError, outcomes, refuse };
}

export type EffectsTestBed<Effects> = ReturnType<typeof effectsTestBed<Effects>>;

/**
 * A fresh `effectsTestBed` for each test, checking after it that no request was left unanswered.
 * Read its parts inside a test: `const { effects, http } = bed;`.
 */
export function useEffectsTestBed<Effects>(effectsClass: Type<Effects>): EffectsTestBed<Effects> {
  const bed = {} as EffectsTestBed<Effects>;
  beforeEach(() => Object.assign(bed, effectsTestBed(effectsClass)));
  afterEach(() => bed.http.verify());
  return bed;
}
