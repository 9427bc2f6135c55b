import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FIRST_SCREEN_ELEMENT_ID } from '@smart-sync/shared-types/mini';
import { Subject } from 'rxjs';
import { ADMIN } from '../auth/auth.testing';
import { SocketConnection } from '../socket/socket-connection';
import { PageFirstScreen, readPageFirstScreen } from './page-first-screen';

const ROWS = {
  top: [{ id: '1', locations: ['l1', 'l2'] }],
  locations: [
    { id: 'l1', name: 'One', departments: ['d1'] },
    { id: 'l2', name: 'Two', departments: [] },
  ],
  departments: [{ id: 'd1', name: 'Dept' }],
};

/** A document whose first-screen element holds `text`. */
function pageWith(text: string | undefined): Document {
  const page = document.implementation.createHTMLDocument('app');
  if (text !== undefined) {
    const element = page.createElement('script');
    element.type = 'application/json';
    element.id = FIRST_SCREEN_ELEMENT_ID;
    element.textContent = text;
    page.head.append(element);
  }
  return page;
}

describe('readPageFirstScreen', () => {
  it('reads the user and the rows of each table', () => {
    const screen = readPageFirstScreen(pageWith(JSON.stringify({ user: ADMIN, rows: ROWS })));
    expect(screen).toEqual({ user: ADMIN, rows: ROWS });
  });

  it('finds none in a page without one, or with one that does not hold what it should', () => {
    for (const text of [
      undefined,
      '',
      '{not json',
      JSON.stringify({ user: { username: 'x' }, rows: ROWS }),
      JSON.stringify({ user: ADMIN }),
    ]) {
      expect(readPageFirstScreen(pageWith(text))).toBeUndefined();
    }
  });

  it('leaves out a table whose rows are not rows with ids', () => {
    const rows = { ...ROWS, locations: [{ name: 'no id' }], departments: 'nope' };
    expect(readPageFirstScreen(pageWith(JSON.stringify({ user: ADMIN, rows })))?.rows).toEqual({
      top: ROWS.top,
    });
  });
});

describe('PageFirstScreen', () => {
  const connected = new Subject<string>();

  function start(text: string | undefined) {
    TestBed.configureTestingModule({
      providers: [
        { provide: DOCUMENT, useValue: pageWith(text) },
        { provide: SocketConnection, useValue: { connected } },
      ],
    });
    return TestBed.inject(PageFirstScreen);
  }

  it('answers one load of each table, in the order asked, when it holds every row', () => {
    const page = start(JSON.stringify({ user: ADMIN, rows: ROWS }));
    expect(page.user).toEqual(ADMIN);
    expect(page.take('locations', ['l2', 'l3'])).toBeUndefined();
    expect(page.take('locations', ['l2', 'l1'])).toEqual([ROWS.locations[1], ROWS.locations[0]]);
    expect(page.take('locations', ['l2', 'l1'])).toBeUndefined();
    expect(page.take('top', ['1'])).toEqual(ROWS.top);
    expect(page.hasRows).toBe(true);
    expect(page.take('departments', ['d1'])).toEqual(ROWS.departments);
    expect(page.hasRows).toBe(false);
  });

  it('answers nothing once the socket has connected: loads then have to subscribe it', () => {
    const page = start(JSON.stringify({ user: ADMIN, rows: ROWS }));
    connected.next('socket-1');
    expect(page.hasRows).toBe(false);
    expect(page.take('top', ['1'])).toBeUndefined();
  });

  it('has no user and answers nothing in a page without a first screen', () => {
    const page = start(undefined);
    expect(page.user).toBeUndefined();
    expect(page.take('top', ['1'])).toBeUndefined();
  });
});
