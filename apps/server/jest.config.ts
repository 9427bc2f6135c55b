import { databaseSuites, nodeProject } from '../../jest.node';

export default nodeProject('apps/server', databaseSuites);
