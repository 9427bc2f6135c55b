import { nodeProject } from '../../jest.node';

export default nodeProject('tools/smart-sync-plugin');
