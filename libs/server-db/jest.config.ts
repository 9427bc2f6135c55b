import { databaseSuites, nodeProject } from '../../jest.node';

export default nodeProject('libs/server-db', databaseSuites);
