export { random, type Random } from '../../src/domain/shared/random.ts';
