import { nodeProject } from '../../jest.node';

export default nodeProject('libs/socket-translation');
