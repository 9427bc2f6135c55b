import { DEPARTMENT_CHILDREN } from '@smart-sync/socket-translation';
import { SmartEntityDefinition } from '@smarttools/smart-signals';
import { departmentChildEffectsToken } from './department-child-effects';
import { departmentEffectsToken } from './department-effects';
import { locationEffectsToken } from './location-effects';
import { DepartmentChildRow, DepartmentRow, LocationRow, TopRow } from './rows';
import { topEffectsToken } from './top-effects';

/** One definition per client table; entity names are the client table names. */
export const topDefinition: SmartEntityDefinition<TopRow> = {
  entityName: 'top',
  effectServiceToken: topEffectsToken,
  isInitialRow: true,
  defaultRow: (id) => ({ id, locations: [] }),
};

export const locationsDefinition: SmartEntityDefinition<LocationRow> = {
  entityName: 'locations',
  effectServiceToken: locationEffectsToken,
  defaultRow: (id) => ({ id, name: '', version: 0, departments: [] }),
};

export const departmentsDefinition: SmartEntityDefinition<DepartmentRow> = {
  entityName: 'departments',
  effectServiceToken: departmentEffectsToken,
  defaultRow: (id) => ({
    id,
    name: '',
    version: 0,
    children: { startIndex: 0, length: 0, indexes: [] },
  }),
};

export const departmentChildrenDefinition: SmartEntityDefinition<DepartmentChildRow> = {
  entityName: DEPARTMENT_CHILDREN,
  effectServiceToken: departmentChildEffectsToken,
  defaultRow: (id) => ({ id, name: '', version: 0 }),
};
