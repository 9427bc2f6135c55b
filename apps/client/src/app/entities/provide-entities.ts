import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import {
  provideSmartFeatureSignalEntities,
  provideSmartNgRX,
  SmartEntityDefinition,
  SmartNgRXRowBase,
} from '@smarttools/smart-signals';
import { DepartmentChildEffects, departmentChildEffectsToken } from './department-child-effects';
import { DepartmentEffects, departmentEffectsToken } from './department-effects';
import {
  departmentChildrenDefinition,
  departmentsDefinition,
  locationsDefinition,
  topDefinition,
} from './entity-definitions';
import { FEATURE } from './feature';
import { LocationEffects, locationEffectsToken } from './location-effects';
import { TopEffects, topEffectsToken } from './top-effects';

/**
 * Everything SmartNgRX needs but HTTP (the app provides that, with its interceptors): the global
 * provider, one effect service per client table and the entity definitions. `provideSmartNgRX`
 * must come first: the feature registration that follows reads its settings.
 */
export function provideEntities(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideSmartNgRX(),
    { provide: topEffectsToken, useClass: TopEffects },
    { provide: locationEffectsToken, useClass: LocationEffects },
    { provide: departmentEffectsToken, useClass: DepartmentEffects },
    DepartmentChildEffects,
    { provide: departmentChildEffectsToken, useExisting: DepartmentChildEffects },
    provideSmartFeatureSignalEntities(FEATURE, [
      topDefinition,
      locationsDefinition,
      departmentsDefinition,
      departmentChildrenDefinition,
    ] as SmartEntityDefinition<SmartNgRXRowBase>[]),
  ]);
}
