import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { describeError, SnackbarErrorHandler } from './snackbar-error-handler';

describe('SnackbarErrorHandler', () => {
  const open = jest.fn();

  beforeEach(() => {
    open.mockReset();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    TestBed.configureTestingModule({
      providers: [SnackbarErrorHandler, { provide: MatSnackBar, useValue: { open } }],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  /** The snack bar's code loads with the first message. */
  const loaded = () => new Promise((resolve) => setTimeout(resolve));

  it('shows the message and the server’s explanation in a snackbar', async () => {
    const error = new HttpErrorResponse({
      status: 400,
      statusText: 'Bad Request',
      error: { statusCode: 400, message: 'name: must be at most 100 characters' },
    });
    TestBed.inject(SnackbarErrorHandler).handleError('Rename refused', error);
    await loaded();
    expect(open).toHaveBeenCalledWith(
      'Rename refused: name: must be at most 100 characters',
      'Dismiss',
      expect.objectContaining({ duration: expect.any(Number) }),
    );
  });

  it('says a rename was not saved because someone else changed the row meanwhile', async () => {
    const error = new HttpErrorResponse({
      status: 409,
      statusText: 'Conflict',
      error: { statusCode: 409, message: 'changed by someone else meanwhile', current: {} },
    });
    TestBed.inject(SnackbarErrorHandler).handleError('Not saved', error);
    await loaded();
    expect(open).toHaveBeenCalledWith(
      'Not saved: changed by someone else meanwhile',
      'Dismiss',
      expect.anything(),
    );
  });

  it('words SmartNgRX’s load failures for people', async () => {
    TestBed.inject(SnackbarErrorHandler).handleError('loadByIds', new Error('boom'));
    await loaded();
    expect(open).toHaveBeenCalledWith('Could not load rows: boom', 'Dismiss', expect.anything());
  });

  it('leaves a 401 to the sign-in page', async () => {
    const error = new HttpErrorResponse({ status: 401, statusText: 'Unauthorized' });
    TestBed.inject(SnackbarErrorHandler).handleError('loadByIds', error);
    await loaded();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('describeError', () => {
  it.each([
    [new HttpErrorResponse({ status: 400, error: { message: ['a', 'b'] } }), 'a; b'],
    [new HttpErrorResponse({ status: 0 }), 'the server cannot be reached'],
    [new HttpErrorResponse({ status: 500, statusText: 'Server Error' }), '500 Server Error'],
    [new Error('plain'), 'plain'],
    ['text', 'text'],
  ])('describes %p as %p', (error, text) => {
    expect(describeError(error)).toBe(text);
  });
});
