export * from './events';
export * from './rows';
