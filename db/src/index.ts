export * from './connection';
export * from './database';
export * from './roles';
export * from './migrate';
export * from './seed';
export * from './prepare';
export * from './embedded';
export * from './cluster';
export { asOrdinaryUser, embeddedBinaries } from './embeddedBinaries';
