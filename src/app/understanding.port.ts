export * from './understanding/understanding.port';
