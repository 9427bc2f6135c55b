import { nodeProject } from '../../jest.node';

export default nodeProject('tools/precompress-client');
