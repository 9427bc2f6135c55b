import type http from 'node:http';
import {
  TOP_ID,
  type ChildIndexPage,
  type DepartmentRow,
  type LocationRow,
  type TopRow,
} from '@smart-sync/shared-types';
import { expectJson } from './http';

/**
 * Doc ids to update, found through the public API the way a client walks the tree:
 * top → locations → departments → pages of each department's children (only `docs` kept).
 */
export async function findDocIds(
  port: number,
  agent: http.Agent,
  wanted: number,
): Promise<string[]> {
  const [top] = await expectJson<TopRow[]>(port, 'POST', '/api/top', [TOP_ID], agent);
  if (!top?.locations?.length)
    throw new Error('POST /api/top returned no locations: is the database seeded?');
  const locations = await expectJson<LocationRow[]>(
    port,
    'POST',
    '/api/locations',
    top.locations,
    agent,
  );
  const departmentIds = locations.flatMap((location) => location.departments);
  const departments = await expectJson<DepartmentRow[]>(
    port,
    'POST',
    '/api/departments',
    departmentIds,
    agent,
  );
  const ids: string[] = [];
  const pageLength = 1000;
  // First each department's inline page, then further pages, round-robin, until there are enough.
  for (const department of departments) {
    for (const ref of department.children.indexes) if (ref.table === 'docs') ids.push(ref.id);
  }
  const cursors = departments.map((department) => department.children.indexes.length);
  while (ids.length < wanted) {
    let added = false;
    for (const [i, department] of departments.entries()) {
      if (cursors[i] >= department.children.length || ids.length >= wanted) continue;
      const page = await expectJson<ChildIndexPage>(
        port,
        'POST',
        '/api/departments/indexes',
        { parentId: department.id, startIndex: cursors[i], length: pageLength },
        agent,
      );
      cursors[i] += pageLength;
      for (const ref of page.indexes) if (ref.table === 'docs') ids.push(ref.id);
      added ||= page.indexes.length > 0;
    }
    if (!added) break;
  }
  if (ids.length === 0) throw new Error('found no docs through the API');
  return [...new Set(ids)].slice(0, wanted);
}
