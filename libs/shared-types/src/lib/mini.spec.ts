import * as classic from '../index';
import * as mini from '../mini';

/** The names mini exports, split into schemas, functions and plain values. */
const names = Object.keys(mini) as (keyof typeof mini)[];
const schemaNames = names.filter((name) => name.endsWith('Schema'));
const valueNames = names.filter(
  (name) => !name.endsWith('Schema') && typeof mini[name] !== 'function',
);

const id = 'a1';
const user: classic.SessionUser = {
  username: 'bob',
  admin: false,
  rights: [{ locationId: 'l1', role: 'editor' }],
};
const page = { startIndex: 0, length: 1, indexes: [{ table: 'docs', id }] };
const row = { id, name: 'Doc', version: 1 };

/** Inputs each schema must accept (first list) and refuse (second), in both builds alike. */
const EXAMPLES: Record<string, readonly [readonly unknown[], readonly unknown[]]> = {
  idSchema: [
    [id, 'x'.repeat(64), '😀', '\u200b', 'a b'],
    ['', 'x'.repeat(65), 1, null, 'a\u0000', '\ud800', 'a\udc00b', '\u0085', '\u0000'.repeat(65)],
  ],
  nameSchema: [
    [
      'Doc',
      '  Doc  ',
      'x'.repeat(100),
      '😀'.repeat(100),
      '\u200fשלום',
      'a\u200b',
      '👨‍👩‍👧',
      ' \t\nDoc\n',
    ],
    [
      '',
      '   ',
      'x'.repeat(101),
      '😀'.repeat(101),
      '\u200b',
      '\u200e\u200f\u2060\ufeff',
      '\u0301',
      '\u00ad',
      'a\u0000b',
      'a\tb',
      '\u0000',
      '\u009f',
      '\ud800',
      '\ud800'.repeat(100),
      'a\udc00',
      '\u0000'.repeat(101),
      1,
      null,
    ],
  ],
  versionSchema: [
    [0, 1, 2 ** 31],
    [-1, 1.5, '1', null, Number.NaN],
  ],
  updateBodySchema: [
    [
      { id, name: ' Doc ' },
      { id, name: 'Doc', version: 0 },
      { id, name: 'Doc', version: 3, extra: true },
    ],
    [
      { id, name: 'Doc', version: -1 },
      { id, name: 'Doc', version: '3' },
      { id, name: 'Doc', version: null },
      { id, name: '  ' },
      { name: 'Doc', version: 1 },
      null,
    ],
  ],
  serverTableSchema: [[...classic.SERVER_TABLES], ['departmentChildren', 'Top', 1]],
  childTableSchema: [[...classic.CHILD_TABLES], ['departments', 'sprint-folders']],
  notificationActionSchema: [
    ['update', 'delete'],
    ['create', ''],
  ],
  socketNotificationSchema: [
    [
      { action: 'update', table: 'sprintFolders', ids: [id, 'b'] },
      { action: 'delete', table: 'top', ids: [id], extra: true },
    ],
    [
      { action: 'update', table: 'docs', ids: [] },
      { action: 'update', table: 'departmentChildren', ids: [id] },
      { action: 'create', table: 'docs', ids: [id] },
      { action: 'delete', table: 'docs', ids: [1] },
      { action: 'delete', table: 'docs', ids: [''] },
      { action: 'delete', table: 'docs', ids: id },
      { table: 'docs', ids: [id] },
      null,
      'update docs 1',
      [],
    ],
  ],
  topRowSchema: [
    [
      { id: '1', locations: [] },
      { id: '1', locations: [id, 'b'] },
    ],
    [{ id: '1' }, { id: '', locations: [] }, { id: '1', locations: [1] }],
  ],
  locationRowSchema: [
    [{ ...row, departments: [id] }],
    [row, { ...row, version: 0, departments: [] }, { ...row, departments: [''] }],
  ],
  childReferenceSchema: [[{ table: 'lists', id }], [{ table: 'departments', id }, { id }]],
  childIndexPageSchema: [
    [page, { startIndex: 500, length: 0, indexes: [] }],
    [
      { ...page, startIndex: -1 },
      { ...page, length: 1.5 },
      { ...page, indexes: [{ table: 'locations', id }] },
      { startIndex: 0, length: 0 },
    ],
  ],
  departmentRowSchema: [
    [{ ...row, children: page }],
    [
      row,
      { ...row, children: { ...page, startIndex: '0' } },
      { ...row, version: 2.5, children: page },
    ],
  ],
  childRowSchema: [
    [row, { ...row, name: '' }],
    [{ ...row, version: 0 }, { ...row, version: '1' }, { ...row, id: 'x'.repeat(65) }, { id }],
  ],
  roleSchema: [[...classic.ROLES], ['admin', 'owner']],
  locationRightSchema: [
    [{ locationId: 'l1', role: 'viewer' }],
    [
      { locationId: '', role: 'viewer' },
      { locationId: 'l1', role: 'admin' },
    ],
  ],
  sessionUserSchema: [
    [user, { username: 'alice', admin: true, rights: [] }],
    [
      { ...user, admin: 'false' },
      { ...user, rights: [{ locationId: 'l1', role: 'owner' }] },
      { username: 'bob', admin: false },
      null,
    ],
  ],
};

interface Schema {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } };
}

describe('the mini build of the wire contract', () => {
  it.each(valueNames)('exports %s with the value the classic entry has', (name) => {
    expect(name in classic).toBe(true);
    expect(mini[name]).toEqual(classic[name as keyof typeof classic]);
  });

  it('tells the same role as the classic roleIn', () => {
    const cases: [classic.SessionUser, string][] = [
      [user, 'l1'],
      [user, 'l2'],
      [{ username: 'alice', admin: true, rights: [] }, 'l9'],
      [{ ...user, rights: [{ locationId: 'l2', role: 'viewer' }] }, 'l2'],
    ];
    for (const [someone, location] of cases) {
      expect(mini.roleIn(someone, location)).toBe(classic.roleIn(someone, location));
    }
  });

  it('has examples for every schema it exports', () => {
    expect(schemaNames.sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  describe.each(schemaNames)('%s', (name) => {
    const miniSchema = mini[name] as Schema;
    const classicSchema = classic[name as keyof typeof classic] as Schema;
    const [valid, invalid] = EXAMPLES[name];

    it.each(valid.map((value) => [JSON.stringify(value), value]))(
      'accepts %s, as the classic schema does, with the same result',
      (_label, value) => {
        const fromMini = miniSchema.safeParse(value);
        expect(fromMini.success).toBe(true);
        expect(fromMini).toEqual(classicSchema.safeParse(value));
      },
    );

    it.each(invalid.map((value) => [JSON.stringify(value), value]))(
      'refuses %s with the issues the classic schema finds',
      (_label, value) => {
        const fromMini = miniSchema.safeParse(value);
        expect(fromMini.success).toBe(false);
        expect(fromMini.error?.issues).toEqual(classicSchema.safeParse(value).error?.issues);
      },
    );
  });
});
