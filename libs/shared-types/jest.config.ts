import { nodeProject } from '../../jest.node';

export default nodeProject('libs/shared-types');
