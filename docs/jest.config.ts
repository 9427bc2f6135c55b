import { nodeProject } from '../jest.node';

export default nodeProject('docs');
